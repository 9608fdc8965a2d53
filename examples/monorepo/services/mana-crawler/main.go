package main

import (
	"log"
	"net/http"
)

func main() {
	http.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	http.HandleFunc("/crawl", handleCrawl)
	log.Printf("%s on :%s, search %s, redis %s, %d req/s", userAgentName, port, searchURL, redisURL, maxPerSecond)
	log.Fatal(http.ListenAndServe(":"+port, nil))
}

func handleCrawl(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "not implemented", http.StatusNotImplemented)
}
