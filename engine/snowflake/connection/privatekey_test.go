package connection_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/salesanalytics/salesanalytics/engine/snowflake/connection"
)

// The files in testdata/keys were written by OpenSSL 3.0 (test-only keys):
// plain.p8 by `openssl genpkey -algorithm RSA`, the others from it by
// `openssl pkcs8 -topk8 -v2 aes256|des3`, `-v2 aes128 -v2prf hmacWithSHA1`,
// `-scrypt`, `-v1 PBE-SHA1-3DES` (pbes1.p8) and `openssl rsa -traditional`
// (pkcs1.pem), with the passphrase below.
const fixturePassphrase = "fixture-passphrase"

func readKey(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "keys", name))
	require.NoError(tb, err)
	return data
}

// TestParsePrivateKeyOpenSSLFixtures: every encrypted form decrypts to the key
// OpenSSL wrote unencrypted.
func TestParsePrivateKeyOpenSSLFixtures(t *testing.T) {
	t.Parallel()
	want, used, err := connection.ParsePrivateKey(readKey(t, "plain.p8"), nil)
	require.NoError(t, err)
	require.False(t, used)
	for _, name := range []string{"aes256.p8", "des3.p8", "aes128-sha1.p8", "scrypt.p8"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, used, err := connection.ParsePrivateKey(readKey(t, name), []byte(fixturePassphrase))
			require.NoError(t, err)
			require.True(t, used)
			require.True(t, want.Equal(got))

			_, _, err = connection.ParsePrivateKey(readKey(t, name), []byte("wrong-passphrase"))
			require.ErrorIs(t, err, connection.ErrPrivateKey)
			require.ErrorContains(t, err, "wrong passphrase")
			require.NotContains(t, err.Error(), "wrong-passphrase")

			_, _, err = connection.ParsePrivateKey(readKey(t, name), nil)
			require.ErrorContains(t, err, "no passphrase was given")
			require.ErrorContains(t, err, "PRIVATE_KEY_PASSPHRASE")
		})
	}
	got, used, err := connection.ParsePrivateKey(readKey(t, "pkcs1.pem"), []byte("ignored"))
	require.NoError(t, err)
	require.False(t, used)
	require.True(t, want.Equal(got))
}

func TestParsePrivateKeyRefuses(t *testing.T) {
	t.Parallel()
	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	small, err := rsa.GenerateKey(rand.Reader, 1024)
	require.NoError(t, err)
	legacy := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY",
		Headers: map[string]string{"Proc-Type": "4,ENCRYPTED", "DEK-Info": "AES-256-CBC,00"}, Bytes: []byte{1, 2, 3}})
	cases := []struct {
		name string
		pem  []byte
		want string
	}{
		{"not PEM", []byte("hello"), "no PEM block"},
		{"a certificate", pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: []byte{1}}), `"CERTIFICATE" is not a private key`},
		{"EC key", []byte(pkcs8PEM(t, ec)), "needs RSA"},
		{"EC key from OpenSSL", readKey(t, "ec.p8"), "needs RSA"},
		{"1024-bit RSA", []byte(pkcs8PEM(t, small)), "1024 bits"},
		{"1024-bit RSA from OpenSSL", readKey(t, "rsa1024.p8"), "1024 bits"},
		{"PBES1", readKey(t, "pbes1.p8"), "PBES1"},
		{"legacy PEM encryption", legacy, "DEK-Info"},
		{"damaged PKCS#8", pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: []byte{0x30, 1, 0}}), "not a valid PKCS#8"},
		{"damaged encrypted PKCS#8", pem.EncodeToMemory(&pem.Block{Type: "ENCRYPTED PRIVATE KEY", Bytes: []byte{0x30, 1, 0}}), "damaged"},
	}
	for _, tc := range cases {
		_, _, err := connection.ParsePrivateKey(tc.pem, []byte(fixturePassphrase))
		require.ErrorIs(t, err, connection.ErrPrivateKey, tc.name)
		require.ErrorContains(t, err, tc.want, tc.name)
	}
}

// opensslEncrypt encrypts PKCS#8 PEM with the openssl command, an
// implementation independent of ours.
func opensslEncrypt(tb testing.TB, plainPEM, passphrase string, args ...string) string {
	tb.Helper()
	if _, err := exec.LookPath("openssl"); err != nil {
		tb.Skip("openssl is not installed")
	}
	cmd := exec.Command("openssl", append([]string{"pkcs8", "-topk8", "-passout", "pass:" + passphrase}, args...)...)
	cmd.Stdin = strings.NewReader(plainPEM)
	out, err := cmd.Output()
	require.NoError(tb, err)
	return string(out)
}

// TestKeyPairConnections generates a key, writes it plain and encrypted, and
// resolves connections that use it the ways the connector and the CLI allow.
func TestKeyPairConnections(t *testing.T) {
	t.Parallel()
	k := testKey(t)
	plain := pkcs8PEM(t, k)
	encrypted := opensslEncrypt(t, plain, "pass phrase!", "-v2", "aes256")
	des3 := opensslEncrypt(t, plain, "pass phrase!", "-v2", "des3")
	dir := t.TempDir()
	home := t.TempDir()
	writeFile(t, filepath.Join(dir, "plain.p8"), plain, 0o600)
	writeFile(t, filepath.Join(dir, "enc.p8"), encrypted, 0o600)
	writeFile(t, filepath.Join(dir, "des3.p8"), des3, 0o600)
	writeFile(t, filepath.Join(dir, "open.p8"), plain, 0o644)
	writeFile(t, filepath.Join(home, ".ssh", "sf.p8"), plain, 0o600)
	head := "[c]\naccount = \"myorg-acct\"\nuser = \"svc\"\n"
	file := func(name string) string { return "private_key_file = \"" + filepath.Join(dir, name) + "\"\n" }
	cases := []struct {
		name, body string
		env        map[string]string
		wantErr    string
		warns      int
	}{
		{name: "plain, authenticator inferred", body: head + file("plain.p8")},
		{name: "plain, authenticator snowflake switches to JWT", body: head + "authenticator = \"snowflake\"\n" + file("plain.p8")},
		{name: "encrypted with private_key_file_pwd", body: head + "authenticator = \"SNOWFLAKE_JWT\"\n" + file("enc.p8") + "private_key_file_pwd = \"pass phrase!\"\n"},
		{name: "des3 with the CLI's private_key_passphrase", body: head + file("des3.p8") + "private_key_passphrase = \"pass phrase!\"\n"},
		{name: "passphrase from PRIVATE_KEY_PASSPHRASE", body: head + file("enc.p8") + "private_key_file_pwd = \"wrong\"\n",
			env: map[string]string{"PRIVATE_KEY_PASSPHRASE": "pass phrase!"}},
		{name: "passphrase from the connection's env override", body: head + file("enc.p8"),
			env: map[string]string{"SNOWFLAKE_CONNECTIONS_C_PRIVATE_KEY_FILE_PWD": "pass phrase!"}},
		{name: "key file from the env override", body: head,
			env: map[string]string{"SNOWFLAKE_CONNECTIONS_C_PRIVATE_KEY_FILE": filepath.Join(dir, "plain.p8")}},
		{name: "the CLI's private_key_path alias", body: head + "private_key_path = \"" + filepath.Join(dir, "plain.p8") + "\"\n"},
		{name: "a tilde path", body: head + "private_key_file = \"~/.ssh/sf.p8\"\n"},
		{name: "private_key_raw", body: head + "private_key_raw = '''\n" + plain + "'''\n"},
		{name: "passphrase for a plain key is ignored with a warning", body: head + file("plain.p8") + "private_key_file_pwd = \"x\"\n", warns: 1},
		{name: "key file others can read", body: head + file("open.p8"), warns: 1},
		{name: "wrong passphrase", body: head + file("enc.p8") + "private_key_file_pwd = \"Wr0ng-Secret\"\n", wantErr: "wrong passphrase"},
		{name: "missing passphrase", body: head + file("enc.p8"), wantErr: "no passphrase"},
		{name: "missing file", body: head + file("nope.p8"), wantErr: filepath.Join(dir, "nope.p8") + " does not exist"},
		{name: "key with another authenticator", body: head + "authenticator = \"OAUTH\"\ntoken = \"t\"\n" + file("plain.p8"), wantErr: "authenticator is OAUTH"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			cdir := t.TempDir()
			writeFile(t, filepath.Join(cdir, connection.ConnectionsFile), tc.body, 0o600)
			opts, warned := options(t, cdir, tc.env)
			opts.Home = home
			c, err := connection.Resolve("c", opts)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				require.NotContains(t, err.Error(), "Wr0ng-Secret")
				require.NotContains(t, err.Error(), "pass phrase!")
				return
			}
			require.NoError(t, err)
			require.Equal(t, connection.AuthJWT, c.Authenticator)
			require.True(t, k.Equal(c.PrivateKey()))
			require.Len(t, *warned, tc.warns)
		})
	}
}

// TestPKCS1FromTheStdlib: a PKCS#1 key Go writes is read back.
func TestPKCS1FromTheStdlib(t *testing.T) {
	t.Parallel()
	k := testKey(t)
	der := x509.MarshalPKCS1PrivateKey(k)
	got, _, err := connection.ParsePrivateKey(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: der}), nil)
	require.NoError(t, err)
	require.True(t, k.Equal(got))
}
