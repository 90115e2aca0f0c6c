package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// A tile asked for by the script with the page's tile set: the same set
// under the new filter answers the tile; a drill-down's other set answers 205
// Reset Content (the script loads the whole page); without a set (not the
// script) an unknown tile stays a 404.
func TestTileSetChangeReloadsThePage(t *testing.T) {
	t.Parallel()
	s := newSite(t, testScale, false)
	whole := "segments industries top_customers new_vs_returning"
	for _, tc := range []struct {
		target, set string
		status      int
	}{
		{"/tile/customers/segments?segment=SMB", whole, http.StatusOK},
		{"/tile/customers/segments?customer=3", whole, http.StatusResetContent},
		{"/tile/customers/customer_orders?customer=3", "customer_figures customer_months customer_orders", http.StatusOK},
		{"/tile/customers/customer_orders", "customer_figures customer_months customer_orders", http.StatusResetContent},
		{"/tile/customers/segments?customer=3", "", http.StatusNotFound},
	} {
		req := localRequest(http.MethodGet, tc.target, nil)
		if tc.set != "" {
			req.Header.Set("X-Tile-Set", tc.set)
		}
		res, body := s.do(t, req)
		require.Equal(t, tc.status, res.StatusCode, "%s with %q", tc.target, tc.set)
		if tc.status == http.StatusResetContent {
			require.Empty(t, strings.TrimSpace(body))
		}
	}
}
