package embedded

import (
	"context"
	"database/sql"
)

// StmtCacheSize is how many statements a connection keeps prepared.
const StmtCacheSize = stmtCacheSize

// Uncached marks ctx so that its queries skip the statement cache.
func Uncached(ctx context.Context) context.Context { return uncachedContext(ctx) }

// CachedOn returns the SQL texts kept prepared on conn, the most recently used
// first.
func CachedOn(conn *sql.Conn) ([]string, error) {
	var out []string
	err := conn.Raw(func(dc any) error {
		for el := dc.(*cachingConn).lru.Front(); el != nil; el = el.Next() {
			out = append(out, el.Value.(*cachedStmt).text)
		}
		return nil
	})
	return out, err
}
