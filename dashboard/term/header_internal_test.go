package term

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/dashboard"
	"github.com/salesanalytics/salesanalytics/internal/termui"
)

// TestHeaderKeepsTheAsOfWhole: at 80 columns, whatever the filter's length,
// every header line fits and "data as of 2026-01-01 00:00 UTC" is on one line,
// its time zone included.
func TestHeaderKeepsTheAsOfWhole(t *testing.T) {
	t.Parallel()
	regions := []string{"North", "South", "East", "West"}
	segments := []string{"Enterprise", "SMB", "Consumer"}
	industries := []string{"Retail", "Healthcare", "Finance", "Technology", "Manufacturing"}
	m := dashboard.Meta{AsOf: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	const asOf = "data as of 2026-01-01 00:00 UTC"
	for r := range len(regions) + 1 {
		for s := range len(segments) + 1 {
			for i := range len(industries) + 1 {
				m.Filter = dashboard.Filter{Regions: regions[:r], Segments: segments[:s], Industries: industries[:i]}
				var b bytes.Buffer
				p := &Page{out: &b, ui: termui.Options{Width: 80}, command: ExampleCommand}
				p.header(m, "Executive")
				lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
				whole := false
				for _, l := range lines {
					require.LessOrEqual(t, termui.Width(l), 80, "%q", l)
					whole = whole || strings.Contains(l, asOf)
				}
				require.True(t, whole, "the as-of is broken:\n%s", b.String())
			}
		}
	}
}
