package main

import (
	"os"
	"strconv"
)

// Config holds the sync server's settings.
type Config struct {
	Port         int
	AuthURL      string
	MaxBatchSize int
}

func loadConfig() Config {
	port := os.Getenv("PORT")
	if port == "" {
		port = "3050"
	}
	p, err := strconv.Atoi(port)
	if err != nil {
		panic("PORT must be a number, got " + port)
	}
	auth := os.Getenv("MANA_AUTH_URL")
	if auth == "" {
		auth = "http://localhost:3001"
	}
	// Clients send at most 500 changes per push (raised from 200 in v2.3.0).
	return Config{Port: p, AuthURL: auth, MaxBatchSize: 500}
}
