module github.com/mana/manacore/services/mana-crawler

go 1.23

require github.com/mana-tools/pprofserver v0.3.1
