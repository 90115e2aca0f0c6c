package query_test

import (
	"testing"

	"github.com/salesanalytics/salesanalytics/dialect"
	"github.com/salesanalytics/salesanalytics/query/querytest"
)

// BenchmarkCompileLayers compiles each analysis layer's golden case.
func BenchmarkCompileLayers(b *testing.B) {
	c := compiler(b, dialect.Snowflake)
	for _, tc := range querytest.Layers() {
		b.Run(tc.Name, func(b *testing.B) {
			for b.Loop() {
				if _, err := c.Compile(tc.Req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
