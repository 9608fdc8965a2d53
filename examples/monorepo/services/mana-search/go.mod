module github.com/mana/manacore/services/mana-search

go 1.23
