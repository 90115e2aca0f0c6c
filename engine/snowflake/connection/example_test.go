package connection_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/salesanalytics/salesanalytics/engine/snowflake/connection"
)

// Resolve the default connection of a directory that holds a connections.toml,
// with the password taken from the environment as Snowflake recommends.
func ExampleResolve() {
	dir, _ := os.MkdirTemp("", "snowflake-home")
	defer os.RemoveAll(dir)
	_ = os.WriteFile(filepath.Join(dir, "config.toml"), []byte(`default_connection_name = "prod"`), 0o600)
	_ = os.WriteFile(filepath.Join(dir, "connections.toml"), []byte(`
[prod]
account = "myorg-sales_prod"
user = "svc_sales"
warehouse = "ANALYTICS_WH"
database = "SALES_ANALYTICS_DB"
port = 443
`), 0o600)

	env := map[string]string{
		"SNOWFLAKE_HOME":                      dir,
		"SNOWFLAKE_CONNECTIONS_PROD_PASSWORD": "correct horse battery staple",
	}
	conn, err := connection.Resolve("", connection.Options{
		Env: func(k string) (string, bool) { v, ok := env[k]; return v, ok },
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	url, _ := conn.URL()
	fmt.Println(conn.Name, conn.Account, conn.User, conn.Warehouse, conn.Authenticator)
	fmt.Println(url)
	fmt.Println("password:", conn.Password)

	_, err = connection.Resolve("staging", connection.Options{
		Env: func(k string) (string, bool) { v, ok := env[k]; return v, ok },
	})
	fmt.Println(errors.Is(err, connection.ErrUnknownConnection))
	// Output:
	// prod myorg-sales_prod svc_sales ANALYTICS_WH SNOWFLAKE
	// https://myorg-sales-prod.snowflakecomputing.com
	// password: [redacted]
	// true
}
