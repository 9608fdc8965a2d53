package main

import "os"

func getEnv(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

// Crawler settings. Politeness: at most 2 requests per second per domain.
var (
	port          = getEnv("PORT", "3023")
	searchURL     = getEnv("MANA_SEARCH_URL", "http://mana-search:3021")
	redisURL      = getEnv("REDIS_URL", "redis://localhost:6379")
	maxPerSecond  = 2
	userAgentName = "ManaCrawler/1.4 (+https://mana.how/bot)"
)
