package connect_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/salesanalytics/salesanalytics/connect"
	"github.com/salesanalytics/salesanalytics/warehouse"
)

// A program registers the flags, parses its command line and opens the
// warehouse they name: here a small embedded one, built into a file on this
// first run (-build) and only read afterwards.
func ExampleFlags() {
	dir, _ := os.MkdirTemp("", "connect-example-")
	defer os.RemoveAll(dir)

	var f connect.Flags
	fs := flag.NewFlagSet("example", flag.ContinueOnError)
	f.Register(fs)
	_ = fs.Parse([]string{"-db", filepath.Join(dir, "sales.duckdb"), "-scale", "0.01", "-build"})

	wh, err := f.Open(context.Background(), os.Stderr)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer wh.Close()
	var orders int64
	eng := wh.Engine()
	_ = eng.DB().QueryRow("SELECT COUNT(*) FROM " + warehouse.RawOrders().Ref(eng.Dialect(), wh.Names())).Scan(&orders)
	fmt.Println("built:", wh.Built, "orders:", orders)
	// Output: built: true orders: 1000
}
