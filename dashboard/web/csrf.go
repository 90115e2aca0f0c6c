package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
)

// csrfCookie holds a random browser nonce; a form carries the HMAC of that nonce
// under the server's key. A cross-site page can neither read the cookie nor
// compute the token, and the cookie is SameSite=Strict besides.
const (
	csrfCookie = "sa_csrf"
	csrfField  = "csrf"
)

// csrf issues and checks form tokens.
type csrf struct{ key []byte }

func newCSRF(key []byte) (*csrf, error) {
	if len(key) == 0 {
		key = make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			return nil, err
		}
	}
	return &csrf{key: key}, nil
}

// token returns the form token for this browser, setting its nonce cookie on
// first use.
func (c *csrf) token(w http.ResponseWriter, r *http.Request) string {
	nonce := ""
	if ck, err := r.Cookie(csrfCookie); err == nil && len(ck.Value) >= 20 {
		nonce = ck.Value
	} else {
		b := make([]byte, 24)
		_, _ = rand.Read(b)
		nonce = base64.RawURLEncoding.EncodeToString(b)
		http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: nonce, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
		r.AddCookie(&http.Cookie{Name: csrfCookie, Value: nonce})
	}
	return c.sign(nonce)
}

func (c *csrf) sign(nonce string) string {
	m := hmac.New(sha256.New, c.key)
	m.Write([]byte(nonce))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// check reports whether a POST comes from this site: its token matches the
// browser's nonce, and the browser did not label it cross-site. (Its Origin,
// if any, was checked against the allowed hosts before: hosts.guard.)
func (c *csrf) check(r *http.Request) bool {
	if s := r.Header.Get("Sec-Fetch-Site"); s != "" && s != "same-origin" && s != "none" {
		return false
	}
	ck, err := r.Cookie(csrfCookie)
	if err != nil || ck.Value == "" {
		return false
	}
	got := r.PostFormValue(csrfField)
	return got != "" && hmac.Equal([]byte(got), []byte(c.sign(ck.Value)))
}

// localReturn returns target if it is a path on this server, else "/": the
// refresh and theme forms return to the page they came from and nowhere else.
func localReturn(target string) string {
	u, err := url.Parse(target)
	if err != nil || u.Scheme != "" || u.Host != "" || !strings.HasPrefix(u.Path, "/") ||
		strings.HasPrefix(target, "//") || strings.Contains(target, `\`) {
		return "/"
	}
	return u.RequestURI()
}
