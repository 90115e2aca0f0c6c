package offline

import (
	"strings"
	"unicode"
)

// word is one token of a question: its lower-case text, its singular form and
// the text as written (for case-sensitive codes such as state "OR").
type word struct {
	text, sing, orig string
	// money: written as an amount ("$2,000", "2,000"), never a year; dollar:
	// with its currency sign ("$2,000"), never a count of things
	money, dollar bool
}

// Limits on a question, so resolution stays bounded.
const (
	// MaxQuestionBytes is the longest question resolved; longer ones are declined.
	MaxQuestionBytes = 500
	// MaxWords is the most words a question may have.
	MaxWords = 60
)

// split breaks a question into words: letters, digits and underscores; a hyphen
// or slash between digits stays (2025-03-01), a comma between digits goes
// (1,000), an apostrophe and what follows it go (rep's → rep).
func split(q string) []word {
	var out []word
	r := []rune(q)
	var cur []rune
	money, dollar := false, false
	flush := func() {
		if len(cur) > 0 {
			orig := string(cur)
			t := strings.ToLower(orig)
			out = append(out, word{text: t, sing: singular(t), orig: orig, money: money, dollar: dollar})
			cur = cur[:0]
		}
		money, dollar = false, false
	}
	digit := func(i int) bool { return i >= 0 && i < len(r) && unicode.IsDigit(r[i]) }
	for i := 0; i < len(r); i++ {
		c := r[i]
		switch {
		case unicode.IsLetter(c) || unicode.IsDigit(c) || c == '_':
			cur = append(cur, c)
		case (c == '-' || c == '/' || c == '.') && digit(i-1) && digit(i+1) && len(cur) > 0:
			cur = append(cur, c)
		case c == ',' && digit(i-1) && len(cur) > 0 && allDigits(r, i+1, 3):
			money = true // thousands separator: an amount
		case c == '$' && digit(i+1):
			flush()
			money, dollar = true, true
		case c == '+' && (digit(i-1) || i > 1 && strings.ContainsRune("kKmM", r[i-1]) && digit(i-2)):
			flush()
			out = append(out, word{text: "or", sing: "or", orig: "+"}, word{text: "more", sing: "more", orig: "+"}) // $10,000+
		case c == '%':
			flush()
			out = append(out, word{text: "percent", sing: "percent", orig: "%"})
		case c == '>' || c == '<':
			flush()
			w := map[rune]string{'>': "over", '<': "under"}[c]
			if i+1 < len(r) && r[i+1] == '=' {
				w = map[rune]string{'>': "at least", '<': "at most"}[c]
				i++
			}
			if c == '>' && i > 0 && r[i-1] == '-' {
				out = append(out, word{text: "to", sing: "to", orig: "->"}) // 2024->2025
				continue
			}
			for _, t := range strings.Fields(w) {
				out = append(out, word{text: t, sing: t, orig: string(c)})
			}
		case (c == '\'' || c == '’') && len(cur) == 0 && digit(i+1) && digit(i+2) && !digit(i+3):
			cur = append(cur, '2', '0') // Dec '24: 2024
		case c == '\'' || c == '’':
			if neg, ok := notContraction(cur, r, i); ok {
				// "weren't", "didn't", "can't": the verb, then "not" (never
				// dropped: "orders that weren't returned" is not the returned ones)
				cur = append(cur[:0], []rune(neg)...)
				flush()
				out = append(out, word{text: "not", sing: "not", orig: "n't"})
				i++ // the t
				continue
			}
			for i+1 < len(r) && unicode.IsLetter(r[i+1]) {
				i++
			}
		default:
			flush()
		}
	}
	flush()
	return out
}

// notContraction reads a word ending in n before an apostrophe and a final t
// ("weren't", "don't", "can't", "won't") as its verb, without the n; ok is
// false for any other apostrophe.
func notContraction(cur, r []rune, i int) (string, bool) {
	if len(cur) < 2 || i+1 >= len(r) || (r[i+1] != 't' && r[i+1] != 'T') || i+2 < len(r) && unicode.IsLetter(r[i+2]) {
		return "", false
	}
	w := strings.ToLower(string(cur))
	switch {
	case w == "can":
		return string(cur), true
	case w == "won":
		return "will", true
	case w == "ain":
		return "is", true
	case strings.HasSuffix(w, "n"):
		return string(cur[:len(cur)-1]), true
	}
	return "", false
}

func allDigits(r []rune, from, n int) bool {
	if from+n > len(r) {
		return false
	}
	for _, c := range r[from : from+n] {
		if !unicode.IsDigit(c) {
			return false
		}
	}
	return from+n == len(r) || !unicode.IsDigit(r[from+n])
}

// noSingular are words ending in s that are not plurals.
var noSingular = map[string]bool{
	"sales": true, "status": true, "us": true, "this": true, "is": true, "was": true, "has": true,
	"analysis": true, "its": true, "does": true, "across": true, "vs": true, "versus": true,
	"less": true, "process": true, "business": true, "gross": true, "plus": true, "thanks": true,
}

// singular strips a simple English plural: products → product, categories →
// category. Words it does not know to be plural are kept.
func singular(w string) string {
	switch {
	case len(w) < 4 || noSingular[w] || !isAlpha(w):
		return w
	case strings.HasSuffix(w, "people"):
		return strings.TrimSuffix(w, "people") + "person"
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

func isAlpha(w string) bool {
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// typoLimit is how many edits a word of n letters may carry and still be read
// as a known word: none below five letters, one up to seven, two from eight.
func typoLimit(n int) int {
	switch {
	case n < 5:
		return 0
	case n < 8:
		return 1
	}
	return 2
}

// numberWords are the spelled numbers a "top N" may use.
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"hundred": 100, "trio": 3, "quartet": 4, "half dozen": 6, "dozen": 12, "couple": 2, "pair": 2,
	"thousand": 1000, "million": 1000000, "grand": 1000,
}
