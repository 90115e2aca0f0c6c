package analyst

import (
	"encoding/json"
	"errors"
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"
)

// redactedText replaces every credential found in an error's text.
const redactedText = "[redacted]"

// minSecretPiece is the shortest piece of a credential (a line of a PEM key, a
// segment of a JWT) scrubbed on its own; shorter pieces would redact innocent text.
const minSecretPiece = 16

// scrubber removes every credential a client holds — tokens it sent, the private
// key's material — from text that reaches an error. A call builds one from its
// Auth and adds each token it obtains.
type scrubber struct {
	secrets []string // with their encodings and pieces, longest first
	seen    map[string]bool
}

// secretHolder is implemented by the package's Auth types: every credential they
// hold beyond the token of the current call (earlier tokens, key material).
type secretHolder interface {
	secrets() []string
}

func newScrubber(a Auth) *scrubber {
	s := &scrubber{seen: map[string]bool{}}
	if h, ok := a.(secretHolder); ok {
		for _, sec := range h.secrets() {
			s.add(sec)
		}
	}
	return s
}

// add registers a credential with its JSON- and URL-escaped forms and its pieces
// (lines, dot-separated segments), so an echo of part of it is scrubbed too.
func (s *scrubber) add(secret string) {
	if s == nil || secret == "" || s.seen[secret] {
		return
	}
	s.seen[secret] = true
	forms := []string{secret}
	if b, err := json.Marshal(secret); err == nil {
		forms = append(forms, string(b[1:len(b)-1]))
	}
	forms = append(forms, strings.ReplaceAll(secret, "/", `\/`), url.QueryEscape(secret), url.PathEscape(secret))
	for _, sep := range []string{"\n", "."} {
		for _, p := range strings.Split(secret, sep) {
			if p = strings.TrimSpace(p); len(p) >= minSecretPiece {
				forms = append(forms, p)
			}
		}
	}
	for _, f := range forms {
		if len(f) >= minSecretPiece || f == secret {
			s.secrets = append(s.secrets, f)
		}
	}
	sort.SliceStable(s.secrets, func(i, j int) bool { return len(s.secrets[i]) > len(s.secrets[j]) })
}

// text returns t with every credential replaced by [redacted].
func (s *scrubber) text(t string) string {
	if s == nil {
		return t
	}
	for _, sec := range s.secrets {
		if strings.Contains(t, sec) {
			t = strings.ReplaceAll(t, sec, redactedText)
		}
	}
	return t
}

// err returns err unchanged when its text holds no credential, and otherwise an
// error with the scrubbed text that still matches what err matched with
// errors.Is (context.Canceled, the package's sentinels) and the package's own
// typed errors with errors.As (their fields are scrubbed when made). Other typed
// errors of the chain are no longer reachable: their text held the credential.
func (s *scrubber) err(err error) error {
	if err == nil || s == nil {
		return err
	}
	msg := err.Error()
	clean := s.text(msg)
	if clean == msg {
		return err
	}
	return &redactedError{msg: clean, orig: func() error { return err }}
}

// redactedError is an error whose text was scrubbed of a credential. The
// original is kept behind a func so that no fmt verb prints it.
type redactedError struct {
	msg  string
	orig func() error
}

func (e *redactedError) Error() string { return e.msg }

// Is reports whether the original error matched target.
func (e *redactedError) Is(target error) bool { return errors.Is(e.orig(), target) }

// As finds the package's own typed errors, whose fields are already scrubbed.
func (e *redactedError) As(target any) bool {
	switch target.(type) {
	case **APIError, **TooLargeError:
		return errors.As(e.orig(), target)
	}
	return false
}

// clip cuts s to at most n bytes on a rune boundary, marking the cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
