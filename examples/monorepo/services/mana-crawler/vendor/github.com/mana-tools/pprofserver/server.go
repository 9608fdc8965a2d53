// Package pprofserver starts net/http/pprof on a side port.
package pprofserver

import (
	"net/http"
	_ "net/http/pprof"
	"os"
)

// Start serves pprof; PPROF_ADDR overrides the address.
func Start() error {
	addr := os.Getenv("PPROF_ADDR")
	if addr == "" {
		addr = ":3030"
	}
	return http.ListenAndServe(addr, nil)
}
