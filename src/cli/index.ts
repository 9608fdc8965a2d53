// The CLI's entry.
