package termui

import (
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// Tone is a way of emphasising text; on a colour terminal it becomes an ANSI SGR
// code, elsewhere nothing.
type Tone string

// The tones.
const (
	ToneBold     Tone = "bold"     // headers, titles, totals
	ToneDim      Tone = "dim"      // secondary text: "—", notes
	TonePositive Tone = "positive" // green: growth, good news
	ToneNegative Tone = "negative" // red: decline, bad news
	ToneAccent   Tone = "accent"   // cyan: bars, sparklines
)

// sgr holds each tone's escape sequence.
var sgr = map[Tone]string{
	ToneBold:     "\x1b[1m",
	ToneDim:      "\x1b[2m",
	TonePositive: "\x1b[32m",
	ToneNegative: "\x1b[31m",
	ToneAccent:   "\x1b[36m",
}

const sgrReset = "\x1b[0m"

// Tones lists every [Tone].
func Tones() []Tone { return []Tone{ToneBold, ToneDim, TonePositive, ToneNegative, ToneAccent} }

// Valid reports whether t is one of [Tones].
func (t Tone) Valid() bool { _, ok := sgr[t]; return ok }

// Paint returns text in tone t when o.Color is on, and text unchanged otherwise (or
// for an invalid tone). The text is cleaned of control characters first (see
// [Clean]), so painting data never lets it drive the terminal.
func Paint(o Options, t Tone, text string) string {
	text = Clean(text)
	if !o.Color || text == "" || !t.Valid() {
		return text
	}
	return sgr[t] + text + sgrReset
}

// GrowthTone is the tone of a change: positive, negative, or dim when there is no
// comparison or no change.
func GrowthTone(fraction decimal.NullDecimal) Tone {
	switch {
	case !fraction.Valid:
		return ToneDim
	case fraction.Decimal.Shift(2).Round(1).IsPositive():
		return TonePositive
	case fraction.Decimal.Shift(2).Round(1).IsNegative():
		return ToneNegative
	}
	return ToneDim
}

// PaintGrowth is [Growth] painted in its [GrowthTone].
func PaintGrowth(o Options, fraction decimal.NullDecimal) string {
	return Paint(o, GrowthTone(fraction), Growth(fraction))
}

// Clean makes text safe to print on a terminal: it keeps SGR colour sequences
// (ESC [ digits and semicolons m, as [Paint] writes them) and drops every other
// control character, so an escape sequence that moves the cursor, clears the screen
// or sets the window title loses its ESC and prints as plain text; invalid UTF-8
// becomes U+FFFD; tabs and line
// breaks become spaces, and bidirectional-override characters are dropped, so a
// value cannot reorder or break the line it stands in.
func Clean(text string) string {
	if isClean(text) {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); {
		if n := sgrLen(text[i:]); n > 0 {
			b.WriteString(text[i : i+n])
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case isControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isClean reports whether text has nothing for [Clean] to do.
func isClean(text string) bool {
	if !utf8.ValidString(text) {
		return false
	}
	for _, r := range text {
		if isControl(r) {
			return false
		}
	}
	return true
}

// isControl reports whether r is a C0 or C1 control, DEL, or a bidirectional
// embedding, override or isolate.
func isControl(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r <= 0x9f) ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// sgrLen returns the length of the SGR sequence at the start of s, or 0.
func sgrLen(s string) int {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s) && i < 32; i++ {
		switch c := s[i]; {
		case c == 'm':
			return i + 1
		case c == ';' || (c >= '0' && c <= '9'):
		default:
			return 0
		}
	}
	return 0
}
