package main

import (
	"fmt"
	"log"
	"net/http"
)

func main() {
	cfg := loadConfig()
	mux := http.NewServeMux()
	mux.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	mux.HandleFunc("/ws", serveWebSocket)
	log.Printf("mana-sync listening on :%d", cfg.Port)
	log.Fatal(http.ListenAndServe(fmt.Sprintf(":%d", cfg.Port), mux))
}

func serveWebSocket(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "upgrade required", http.StatusUpgradeRequired)
}
