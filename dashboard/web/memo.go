package web

import (
	"context"
	"sync"
)

// memo holds values computed once per request (the view catalog, read by the
// form, the freshness line and the page alike).
type memo struct {
	mu   sync.Mutex
	vals map[string]any
}

type memoKey struct{}

func withMemo(ctx context.Context) context.Context {
	return context.WithValue(ctx, memoKey{}, &memo{vals: map[string]any{}})
}

// once returns the request's value under key, computing it on first use;
// errors are not kept. Without a memo in ctx it just computes.
func once[T any](ctx context.Context, key string, compute func() (T, error)) (T, error) {
	m, ok := ctx.Value(memoKey{}).(*memo)
	if !ok {
		return compute()
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.vals[key]; ok {
		return v.(T), nil
	}
	v, err := compute()
	if err == nil {
		m.vals[key] = v
	}
	return v, err
}
