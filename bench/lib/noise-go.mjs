/** Go noise: helper files and a test of realistic length that state no port. */

/** Helper files, `(service, n) => [path, text]`. */
export const goModules = [
  (svc, n) => [`format.go`, `package main

// Formatting helpers shared by ${svc}'s handlers.

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

var units = []string{"B", "KiB", "MiB", "GiB", "TiB"}

// FormatBytes renders 1536 as "1.5 KiB".
func FormatBytes(size float64) string {
	unit := 0
	for size >= 1024 && unit < len(units)-1 {
		size /= 1024
		unit++
	}
	if unit == 0 {
		return fmt.Sprintf("%d B", int(size))
	}
	return fmt.Sprintf("%.1f %s", size, units[unit])
}

// FormatDuration renders 93784ms as "1m33s", rounded to the second.
func FormatDuration(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%dms", d.Milliseconds())
	}
	return d.Round(time.Second).String()
}

// Slugify lower-cases text and joins its words with hyphens, at most ${40 + n} bytes.
func Slugify(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(text) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimSuffix(b.String(), "-")
	if len(s) > ${40 + n} {
		s = s[:${40 + n}]
	}
	return s
}
`],
  (svc, n) => [`retry.go`, `package main

// Retries with exponential back-off for ${svc}'s calls to other services.

import (
	"context"
	"fmt"
	"math/rand"
	"time"
)

const (
	defaultAttempts = ${3 + (n % 3)}
	baseDelay       = ${100 + n * 10} * time.Millisecond
	maxDelay        = ${5 + n} * time.Second
)

// Retry calls fn until it succeeds, ctx ends, or the attempts run out.
func Retry(ctx context.Context, attempts int, fn func(attempt int) error) error {
	if attempts < 1 {
		attempts = defaultAttempts
	}
	var last error
	for attempt := 1; attempt <= attempts; attempt++ {
		if last = fn(attempt); last == nil {
			return nil
		}
		if attempt == attempts {
			break
		}
		delay := baseDelay << (attempt - 1)
		if delay > maxDelay {
			delay = maxDelay
		}
		jitter := time.Duration(rand.Int63n(int64(delay) / 2))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(delay/2 + jitter):
		}
	}
	return fmt.Errorf("gave up after %d attempts: %w", attempts, last)
}

// IsRetryableStatus reports whether an HTTP status is worth another try.
func IsRetryableStatus(status int) bool {
	return status == 408 || status == 429 || (status >= 500 && status != 501)
}
`],
  (svc, n) => [`cache.go`, `package main

// A small LRU cache with time-to-live for ${svc}'s lookups.

import (
	"container/list"
	"sync"
	"time"
)

type entry struct {
	key     string
	value   any
	expires time.Time
}

// Cache evicts the least recently used entry beyond its capacity (${500 + n * 20} by default).
type Cache struct {
	mu       sync.Mutex
	capacity int
	ttl      time.Duration
	order    *list.List
	items    map[string]*list.Element
}

// NewCache returns an empty cache.
func NewCache(capacity int, ttl time.Duration) *Cache {
	return &Cache{capacity: capacity, ttl: ttl, order: list.New(), items: map[string]*list.Element{}}
}

// Get returns the value of key, if present and not expired.
func (c *Cache) Get(key string) (any, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	e := el.Value.(*entry)
	if time.Now().After(e.expires) {
		c.order.Remove(el)
		delete(c.items, key)
		return nil, false
	}
	c.order.MoveToFront(el)
	return e.value, true
}

// Set stores value under key and evicts beyond capacity.
func (c *Cache) Set(key string, value any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.order.Remove(el)
	}
	c.items[key] = c.order.PushFront(&entry{key, value, time.Now().Add(c.ttl)})
	for c.order.Len() > c.capacity {
		oldest := c.order.Back()
		c.order.Remove(oldest)
		delete(c.items, oldest.Value.(*entry).key)
	}
}
`],
];

/** A Go test of the formatting helpers. */
export function goTest(svc) {
  return [`format_test.go`, `package main

// Tests of ${svc}'s formatting helpers.

import (
	"testing"
	"time"
)

func TestFormatBytes(t *testing.T) {
	cases := map[float64]string{512: "512 B", 1536: "1.5 KiB"}
	for in, want := range cases {
		if got := FormatBytes(in); got != want {
			t.Errorf("FormatBytes(%v) = %q, want %q", in, got, want)
		}
	}
}

func TestFormatDuration(t *testing.T) {
	if got := FormatDuration(93784 * time.Millisecond); got != "1m34s" {
		t.Errorf("got %q", got)
	}
}

func TestSlugify(t *testing.T) {
	if got := Slugify("Menu 2024!"); got != "menu-2024" {
		t.Errorf("got %q", got)
	}
}
`];
}
