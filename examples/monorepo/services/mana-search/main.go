package main

import (
	"log"
	"net/http"
)

func main() {
	http.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	http.HandleFunc("/search", handleSearch)
	log.Printf("mana-search on :%s (searxng %s)", listenPort, searxngURL)
	log.Fatal(http.ListenAndServe(":"+listenPort, nil))
}

func handleSearch(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "not implemented", http.StatusNotImplemented)
}
