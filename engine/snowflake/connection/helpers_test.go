package connection_test

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine/snowflake/connection"
)

// fixture copies testdata/<name> into a fresh directory, each file with mode
// 0600 (git keeps 0644, which the resolver warns about), and returns it.
func fixture(tb testing.TB, name string) string {
	tb.Helper()
	dir := tb.TempDir()
	entries, err := os.ReadDir(filepath.Join("testdata", name))
	require.NoError(tb, err)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join("testdata", name, e.Name()))
		require.NoError(tb, err)
		writeFile(tb, filepath.Join(dir, e.Name()), string(data), 0o600)
	}
	return dir
}

// writeFile writes a file with exactly mode (umask notwithstanding).
func writeFile(tb testing.TB, path, content string, mode os.FileMode) {
	tb.Helper()
	require.NoError(tb, os.MkdirAll(filepath.Dir(path), 0o700))
	require.NoError(tb, os.WriteFile(path, []byte(content), mode))
	require.NoError(tb, os.Chmod(path, mode))
}

// options reads dir with only the variables in vars set, a home directory of
// its own, and the warnings collected into the returned slice.
func options(tb testing.TB, dir string, vars map[string]string) (connection.Options, *[]string) {
	tb.Helper()
	var warned []string
	return connection.Options{
		Dir:  dir,
		Home: tb.TempDir(),
		Env:  envOf(vars),
		GOOS: "linux",
		Warn: func(m string) { warned = append(warned, m) },
	}, &warned
}

func envOf(vars map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := vars[k]; return v, ok }
}

var (
	keyOnce sync.Once
	key     *rsa.PrivateKey
	keyErr  error
)

// testKey is one 2048-bit RSA key for the whole test binary.
func testKey(tb testing.TB) *rsa.PrivateKey {
	tb.Helper()
	keyOnce.Do(func() { key, keyErr = rsa.GenerateKey(rand.Reader, 2048) })
	require.NoError(tb, keyErr)
	return key
}

// pkcs8PEM is the unencrypted PKCS#8 PEM of k.
func pkcs8PEM(tb testing.TB, k any) string {
	tb.Helper()
	der, err := x509.MarshalPKCS8PrivateKey(k)
	require.NoError(tb, err)
	return string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
}

// resolveTOML resolves connection "c" of a connections.toml holding body.
func resolveTOML(tb testing.TB, body string, vars map[string]string) (*connection.Connection, error) {
	tb.Helper()
	dir := tb.TempDir()
	writeFile(tb, filepath.Join(dir, connection.ConnectionsFile), body, 0o600)
	opts, _ := options(tb, dir, vars)
	return connection.Resolve("c", opts)
}
