module github.com/mana/manacore/services/mana-sync

go 1.23

require github.com/coder/websocket v1.8.12
