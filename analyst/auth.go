package analyst

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"
)

// Token types, as sent in X-Snowflake-Authorization-Token-Type.
const (
	TokenKeyPairJWT = "KEYPAIR_JWT"
	TokenOAuth      = "OAUTH"
	TokenPAT        = "PROGRAMMATIC_ACCESS_TOKEN"
)

// Auth supplies the bearer token for each request.
type Auth interface {
	// Token returns the token and its type. It is called before every attempt, so
	// an implementation may renew.
	Token(ctx context.Context) (token, tokenType string, err error)
}

// staticToken is an OAuth or programmatic access token.
type staticToken struct{ token, kind string }

func (s staticToken) Token(context.Context) (string, string, error) { return s.token, s.kind, nil }

func (s staticToken) secrets() []string { return []string{s.token} }

// String hides the token.
func (s staticToken) String() string { return s.kind + "(redacted)" }

// GoString hides the token from %#v too.
func (s staticToken) GoString() string { return s.String() }

// OAuth authenticates with an OAuth access token (Snowflake or external).
func OAuth(token string) Auth { return staticToken{token, TokenOAuth} }

// PAT authenticates with a programmatic access token.
func PAT(token string) Auth { return staticToken{token, TokenPAT} }

// KeyPair authenticates with a JWT signed by the user's RSA private key, whose
// public key is registered with ALTER USER … SET RSA_PUBLIC_KEY. Tokens live for
// Lifetime and are renewed RenewBefore their expiry.
type KeyPair struct {
	// Account is the account identifier in any form (orgname-acct, a locator with
	// region, a URL host); it is normalised for the claims.
	Account string
	// User is the login name.
	User string
	// Key is the RSA private key (2048 bits or more).
	Key *rsa.PrivateKey
	// Lifetime of each token. Zero means 59 minutes; Snowflake caps it at one hour.
	Lifetime time.Duration
	// RenewBefore is how long before expiry a new token is made. Zero means 5 minutes.
	RenewBefore time.Duration
	// Now is the clock. Nil means time.Now.
	Now func() time.Time

	mu       sync.Mutex
	token    string
	expires  time.Time
	fp       string
	issued   []string        // the last few tokens made, for scrubbing errors
	material []string        // the key stringified in its usual forms, for scrubbing
	matKey   *rsa.PrivateKey // the key material was made from
}

// keptTokens is how many of its latest tokens a KeyPair scrubs from errors.
const keptTokens = 4

// ParsePrivateKey reads an unencrypted PKCS#8 (or PKCS#1) RSA private key in PEM.
func ParsePrivateKey(pemBytes []byte) (*rsa.PrivateKey, error) {
	block, _ := pem.Decode(pemBytes)
	if block == nil {
		return nil, errors.New("analyst: no PEM block in the private key")
	}
	if k, err := x509.ParsePKCS8PrivateKey(block.Bytes); err == nil {
		rk, ok := k.(*rsa.PrivateKey)
		if !ok {
			return nil, fmt.Errorf("analyst: private key is %T, not RSA", k)
		}
		return rk, nil
	}
	k, err := x509.ParsePKCS1PrivateKey(block.Bytes)
	if err != nil {
		return nil, errors.New("analyst: the private key is neither PKCS#8 nor PKCS#1 RSA")
	}
	return k, nil
}

// Fingerprint returns SHA256:<base64 of the SHA-256 of the DER public key>, as
// DESCRIBE USER shows it in RSA_PUBLIC_KEY_FP.
func Fingerprint(pub *rsa.PublicKey) (string, error) {
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(der)
	return "SHA256:" + base64.StdEncoding.EncodeToString(sum[:]), nil
}

// Token returns a cached JWT, making a new one when none is cached or the cached
// one is within RenewBefore of expiry.
func (k *KeyPair) Token(ctx context.Context) (string, string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	now := time.Now
	if k.Now != nil {
		now = k.Now
	}
	renew := k.RenewBefore
	if renew <= 0 {
		renew = 5 * time.Minute
	}
	if k.token != "" && now().Add(renew).Before(k.expires) {
		return k.token, TokenKeyPairJWT, nil
	}
	if k.Key == nil {
		return "", "", errors.New("analyst: key-pair auth needs a private key")
	}
	if k.fp == "" {
		fp, err := Fingerprint(&k.Key.PublicKey)
		if err != nil {
			return "", "", fmt.Errorf("analyst: fingerprint: %w", err)
		}
		k.fp = fp
	}
	life := k.Lifetime
	if life <= 0 || life > time.Hour {
		life = 59 * time.Minute
	}
	issued := now().UTC()
	qualified := JWTAccount(k.Account) + "." + strings.ToUpper(k.User)
	claims := map[string]any{
		"iss": qualified + "." + k.fp,
		"sub": qualified,
		"iat": issued.Unix(),
		"exp": issued.Add(life).Unix(),
	}
	tok, err := signRS256(k.Key, claims)
	if err != nil {
		return "", "", err
	}
	k.token, k.expires = tok, issued.Add(life)
	k.issued = append(k.issued, tok)
	if len(k.issued) > keptTokens {
		k.issued = k.issued[len(k.issued)-keptTokens:]
	}
	return tok, TokenKeyPairJWT, nil
}

// secrets returns the latest tokens and the private key in the forms it is
// usually written: PEM lines and base64 of its PKCS#8 and PKCS#1 DER, and its
// private exponent and primes in decimal, hex and base64url (as in a JWK).
func (k *KeyPair) secrets() []string {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.Key != nil && k.matKey != k.Key {
		k.material, k.matKey = keyMaterial(k.Key), k.Key
	}
	return append(append([]string(nil), k.issued...), k.material...)
}

func keyMaterial(key *rsa.PrivateKey) []string {
	var out []string
	ders := [][]byte{x509.MarshalPKCS1PrivateKey(key)}
	if p8, err := x509.MarshalPKCS8PrivateKey(key); err == nil {
		ders = append(ders, p8)
	}
	for _, der := range ders {
		b64 := base64.StdEncoding.EncodeToString(der)
		out = append(out, b64, base64.RawURLEncoding.EncodeToString(der))
		for len(b64) >= minSecretPiece { // the lines of its PEM
			n := min(64, len(b64))
			out = append(out, b64[:n])
			b64 = b64[n:]
		}
	}
	for _, n := range append([]*big.Int{key.D}, key.Primes...) {
		if n == nil {
			continue
		}
		out = append(out, n.String(), n.Text(16), strings.ToUpper(n.Text(16)), base64.RawURLEncoding.EncodeToString(n.Bytes()))
	}
	return out
}

// String hides the key and the token.
func (k *KeyPair) String() string {
	return "KeyPair(" + JWTAccount(k.Account) + "." + strings.ToUpper(k.User) + ")"
}

// GoString hides the key and the token from %#v too.
func (k *KeyPair) GoString() string { return k.String() }

// signRS256 makes a compact JWS of claims with RS256.
func signRS256(key *rsa.PrivateKey, claims map[string]any) (string, error) {
	enc := base64.RawURLEncoding
	head := enc.EncodeToString([]byte(`{"alg":"RS256","typ":"JWT"}`))
	body, err := json.Marshal(claims)
	if err != nil {
		return "", err
	}
	signing := head + "." + enc.EncodeToString(body)
	sum := sha256.Sum256([]byte(signing))
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, sum[:])
	if err != nil {
		return "", fmt.Errorf("analyst: sign JWT: %w", err)
	}
	return signing + "." + enc.EncodeToString(sig), nil
}

// JWTAccount normalises an account identifier for JWT claims: upper case, without
// region, cloud, privatelink or domain (everything from the first '.'), except
// that a ".global" replication identifier is cut at its first '-'.
func JWTAccount(account string) string {
	a := strings.TrimSpace(account)
	a = strings.TrimPrefix(strings.TrimPrefix(a, "https://"), "http://")
	if strings.Contains(a, ".global") {
		if i := strings.IndexByte(a, '-'); i > 0 {
			a = a[:i]
		}
	} else if i := strings.IndexByte(a, '.'); i > 0 {
		a = a[:i]
	}
	return strings.ToUpper(a)
}

// Snowflake's account domains; AccountURL only ever returns a host under one.
var accountDomains = []string{".snowflakecomputing.com", ".snowflakecomputing.cn"}

// AccountURL returns the base URL for an account identifier in any of its forms:
// "orgname-acct", "xy12345.us-east-2.aws", "acct.privatelink", a full host, or an
// https URL of a Snowflake host. Underscores become hyphens in the first label,
// which TLS certificates need. Because the identifier often comes from
// configuration, it can only name a host under snowflakecomputing.com (or .cn):
// labels of ASCII letters, digits and inner hyphens, no user, port, path, query
// or fragment, no plain http. Use Client.BaseURL directly for anything else.
func AccountURL(account string) (string, error) {
	a := strings.TrimSpace(account)
	bad := func(why string) (string, error) {
		return "", fmt.Errorf("analyst: %q is not an account identifier: %s", clip(account, 100), why)
	}
	if a == "" {
		return bad("it is empty")
	}
	isURL := false
	if i := strings.Index(a, "://"); i >= 0 {
		if !strings.EqualFold(a[:i], "https") {
			return bad("only an https URL names an account")
		}
		a, isURL = strings.TrimSuffix(a[i+3:], "/"), true
	}
	host := strings.ToLower(a)
	if !hasAccountDomain(host) {
		if isURL {
			return bad("the URL's host is not under snowflakecomputing.com")
		}
		host += accountDomains[0]
	}
	labels := strings.Split(host, ".")
	labels[0] = strings.ReplaceAll(labels[0], "_", "-")
	for _, l := range labels {
		if why := badLabel(l); why != "" {
			return bad(why)
		}
	}
	return "https://" + strings.Join(labels, "."), nil
}

func hasAccountDomain(host string) bool {
	for _, d := range accountDomains {
		if strings.HasSuffix(host, d) {
			return true
		}
	}
	return false
}

// badLabel says why l cannot be a DNS label of an account host, or "".
func badLabel(l string) string {
	switch {
	case l == "":
		return "an empty label"
	case len(l) > 63:
		return "a label longer than 63 characters"
	case l[0] == '-' || l[len(l)-1] == '-':
		return "a label starting or ending with '-'"
	}
	for i := 0; i < len(l); i++ {
		if c := l[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return "only letters, digits, '-' and '_' may name an account"
		}
	}
	return ""
}
