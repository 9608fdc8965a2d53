package main

import "os"

// Config is read from the environment once at startup.
type Config struct {
	Port        string
	DatabaseURL string
	AuthURL     string
}

func getEnv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return fallback
}

// LoadConfig reads the service's settings; defaults are for local development.
func LoadConfig() Config {
	return Config{
		Port:        getEnv("PORT", "3061"),
		DatabaseURL: getEnv("DATABASE_URL", "postgres://mana:mana@localhost:5432/mana"),
		AuthURL:     getEnv("MANA_AUTH_URL", "http://localhost:3001"),
	}
}
