package main

import "os"

func getEnv(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}

// Settings for the search proxy. SearXNG answers on the public instance unless
// SEARXNG_URL points elsewhere.
var (
	listenPort = getEnv("PORT", "3012")
	searxngURL = getEnv("SEARXNG_URL", "https://searx.mana.how")
)
