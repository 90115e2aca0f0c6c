package connection

import (
	"crypto/rsa"
	"fmt"
	"strconv"
	"strings"
)

// TokenKind is how the Cortex Analyst REST API is authenticated: the values of
// its X-Snowflake-Authorization-Token-Type header, which are also the
// analyst package's TokenKeyPairJWT, TokenOAuth and TokenPAT.
type TokenKind string

// The token kinds.
const (
	TokenKeyPairJWT TokenKind = "KEYPAIR_JWT"
	TokenOAuth      TokenKind = "OAUTH"
	TokenPAT        TokenKind = "PROGRAMMATIC_ACCESS_TOKEN"
)

// Valid reports whether k is one of the three token kinds.
func (k TokenKind) Valid() bool {
	return k == TokenKeyPairJWT || k == TokenOAuth || k == TokenPAT
}

// AnalystSettings are what a Cortex Analyst client needs from a connection.
// With the analyst package:
//
//	s, err := conn.Analyst()
//	var auth analyst.Auth
//	switch s.Kind {
//	case connection.TokenKeyPairJWT:
//		auth = &analyst.KeyPair{Account: s.Account, User: s.User, Key: s.PrivateKey}
//	case connection.TokenOAuth:
//		auth = analyst.OAuth(string(s.Token))
//	case connection.TokenPAT:
//		auth = analyst.PAT(string(s.Token))
//	}
//	client := &analyst.Client{BaseURL: s.BaseURL, Auth: auth}
type AnalystSettings struct {
	// BaseURL is the account URL, "https://<account host>" ([Connection.URL]).
	BaseURL string
	// Kind says which of the fields below authenticate.
	Kind TokenKind
	// Account and User go into the JWT claims (TokenKeyPairJWT).
	Account, User string
	// PrivateKey signs the JWT (TokenKeyPairJWT).
	PrivateKey *rsa.PrivateKey
	// Token is the OAuth access token or the PAT (TokenOAuth, TokenPAT).
	Token Secret
}

// Analyst returns the Cortex Analyst settings of a key-pair, OAuth or PAT
// connection. Password, browser and MFA logins cannot call the REST API, which
// takes a bearer token; for those it returns an error saying what to set.
func (c Connection) Analyst() (AnalystSettings, error) {
	base, err := c.URL()
	if err != nil {
		return AnalystSettings{}, err
	}
	s := AnalystSettings{BaseURL: base, Account: c.Account, User: c.User}
	switch c.Authenticator {
	case AuthJWT:
		s.Kind, s.PrivateKey = TokenKeyPairJWT, c.privateKey
	case AuthOAuth:
		s.Kind, s.Token = TokenOAuth, c.Token
	case AuthPAT:
		s.Kind, s.Token = TokenPAT, c.Token
	default:
		return AnalystSettings{}, fmt.Errorf("%w: connection %q (%s) uses authenticator %s; Cortex Analyst needs %s (private_key_file), %s (token) or %s (token or token_file_path)",
			ErrInvalid, c.Name, c.Source, c.Authenticator, AuthJWT, AuthOAuth, AuthPAT)
	}
	return s, nil
}

// URL returns the account's base URL, protocol://host[:port]. The host is Host
// when set; otherwise it is derived from Account as gosnowflake does
// (dsn.go, fillMissingConfigParameters): Account (with Region appended when
// Account has no region of its own) plus ".snowflakecomputing.com", or ".cn"
// for a "cn-" region. Underscores of the account name become hyphens, which
// TLS host names need (as analyst.AccountURL does). A default port is omitted.
func (c Connection) URL() (string, error) {
	proto := c.Protocol
	if proto == "" {
		proto = "https"
	}
	host := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(c.Host), "/"))
	if host == "" {
		host = accountHost(c.Account, c.Region)
	}
	for _, l := range strings.Split(host, ".") {
		if l == "" || strings.ContainsAny(l, " /?#@:\\") {
			return "", fmt.Errorf("%w: connection %q (%s): %q is not a host name (check account and host)", ErrInvalid, c.Name, c.Source, host)
		}
	}
	u := proto + "://" + host
	if c.Port != 0 && !(proto == "https" && c.Port == 443) && !(proto == "http" && c.Port == 80) {
		u += ":" + strconv.Itoa(c.Port)
	}
	return u, nil
}

// accountHost derives the host name from an account identifier.
func accountHost(account, region string) string {
	a := strings.ToLower(strings.TrimSpace(account))
	if strings.Contains(a, ".snowflakecomputing.") {
		return a
	}
	region = strings.ToLower(strings.TrimSpace(region))
	if i := strings.IndexByte(a, '.'); i > 0 {
		region = a[i+1:]
	} else if region != "" {
		a += "." + region
	}
	labels := strings.SplitN(a, ".", 2)
	labels[0] = strings.ReplaceAll(labels[0], "_", "-")
	domain := ".snowflakecomputing.com"
	if strings.HasPrefix(region, "cn-") {
		domain = ".snowflakecomputing.cn"
	}
	return strings.Join(labels, ".") + domain
}

// AccountName returns the account identifier without region or domain (the
// part before the first '.'), which gosnowflake sends as ACCOUNT_NAME and uses
// in JWT claims; and the region that followed it, if any.
func (c Connection) AccountName() (account, region string) {
	a := strings.TrimSpace(c.Account)
	if k := strings.Index(strings.ToLower(a), ".snowflakecomputing."); k >= 0 {
		a = a[:k]
	}
	if i := strings.IndexByte(a, '.'); i > 0 {
		return a[:i], a[i+1:]
	}
	return a, c.Region
}
