package offline

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/salesanalytics/salesanalytics/internal/editdist"
)

// item kinds beyond the lexicon's.
const (
	kNumber  kind = iota + 100 // a number (n)
	kYear                      // a year 1990…2099 (n)
	kDate                      // a date (date)
	kUnknown                   // a word the analyst does not know
)

// item is one reading of a run of words: a phrase of the lexicon, a number, a
// year, a date, or an unknown word.
type item struct {
	ms   []meaning
	kind kind // ms[0].kind, or kNumber, kYear, kDate, kUnknown
	n    int
	date time.Time
	text string // the words as matched
	orig string // the words as written
	used bool
	pos  int // index among the items
}

func (it *item) is(k kind) bool {
	if it.kind == k {
		return true
	}
	for _, m := range it.ms {
		if m.kind == k {
			return true
		}
	}
	return false
}

func (it *item) kw(name string) bool { return it.kind == kKeyword && it.ms[0].name == name }

func (it *item) reading(k kind) (meaning, bool) {
	for _, m := range it.ms {
		if m.kind == k {
			return m, true
		}
	}
	return meaning{}, false
}

// correction is a misspelt word read as a known one.
type correction struct{ from, to string }

// classify reads a question's words into items: the longest phrase of the
// lexicon at each position, else a number, year or date, else a stop word
// (dropped), else a known word misspelt (corrected when exactly one known word
// is near enough), else an unknown word.
func (l *lexicon) classify(ws []word) (items []item, fixes []correction) {
	for i := range ws {
		w := &ws[i]
		if l.known[w.text] || l.known[w.sing] || stopWords[w.text] || !isAlpha(w.text) {
			continue
		}
		if to, ok := l.correct(w.text); ok {
			fixes = append(fixes, correction{w.orig, to})
			w.text, w.sing = to, singular(to)
		}
	}
	for i := 0; i < len(ws); {
		if it, n := l.phraseAt(ws, i); n > 0 {
			it.pos = len(items)
			items = append(items, it)
			i += n
			continue
		}
		w := ws[i]
		i++
		if it, ok := literal(w); ok {
			it.pos = len(items)
			items = append(items, it)
			continue
		}
		if stopWords[w.text] {
			continue
		}
		items = append(items, item{kind: kUnknown, text: w.text, orig: w.orig, pos: len(items)})
	}
	return items, fixes
}

// correct finds the one typoable word within the edit limit of w.
func (l *lexicon) correct(w string) (string, bool) {
	limit := typoLimit(len(w))
	if limit == 0 {
		return "", false
	}
	best, bestD, ties := "", limit+1, 0
	for _, c := range l.typoable {
		if c[0] != w[0] && limit < 2 { // short words: keep the first letter
			continue
		}
		d := editdist.Distance(w, c, limit)
		switch {
		case d < bestD:
			best, bestD, ties = c, d, 1
		case d == bestD:
			ties++
		}
	}
	if bestD > limit || ties != 1 {
		return "", false
	}
	return best, true
}

// phraseAt returns the longest phrase of the lexicon starting at word i: the
// words as written, else with the last in its singular, else all singular (a
// form the same as one tried is not looked up again).
func (l *lexicon) phraseAt(ws []word, i int) (item, int) {
	var arr [256]byte
	for n := min(l.maxWords, len(ws)-i); n >= 1; n-- {
		lastSing := ws[i+n-1].sing != ws[i+n-1].text
		otherSing := false
		for j := i; j < i+n-1; j++ {
			otherSing = otherSing || ws[j].sing != ws[j].text
		}
		for form := 0; form < 3; form++ {
			if form == 1 && !lastSing || form == 2 && !otherSing {
				continue
			}
			b := arr[:0]
			for j := i; j < i+n; j++ {
				if j > i {
					b = append(b, ' ')
				}
				t := ws[j].text
				if form == 2 || (form == 1 && j == i+n-1) {
					t = ws[j].sing
				}
				b = append(b, t...)
			}
			ms, ok := l.phrases[string(b)]
			if !ok {
				continue
			}
			orig := joinOrig(ws[i : i+n])
			ms = keepReadings(ms, orig, ws, i)
			if len(ms) == 0 {
				continue
			}
			return item{ms: ms, kind: ms[0].kind, text: string(b), orig: orig, n: ms[0].n}, n
		}
	}
	return item{}, 0
}

// keepReadings drops a capitals-only value (a state code) written in lower case,
// unless the word before it is "state".
func keepReadings(ms []meaning, orig string, ws []word, i int) []meaning {
	var out []meaning
	for _, m := range ms {
		if m.upper && orig != strings.ToUpper(orig) && (i == 0 || ws[i-1].text != "state") {
			continue
		}
		out = append(out, m)
	}
	return out
}

func joinOrig(ws []word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.orig
	}
	return strings.Join(parts, " ")
}

// literal reads a number, a year, a spelled number or an ISO date.
func literal(w word) (item, bool) {
	if n, ok := numberWords[w.text]; ok {
		return item{kind: kNumber, n: n, text: w.text, orig: w.orig}, true
	}
	if t, err := time.Parse(time.DateOnly, w.text); err == nil {
		return item{kind: kDate, date: t, text: w.text, orig: w.orig}, true
	}
	if t, err := time.Parse("2006-01", w.text); err == nil && len(w.text) == 7 {
		return item{kind: kDate, date: t, n: 1, text: w.text, orig: w.orig}, true // a month
	}
	s := strings.TrimSuffix(strings.TrimSuffix(w.text, "st"), "th")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "nd"), "rd")
	n, err := strconv.Atoi(s)
	if err != nil || len(s) > 9 {
		return item{}, false
	}
	if s == w.text && len(s) == 4 && n >= 1990 && n <= 2099 {
		return item{kind: kYear, n: n, text: w.text, orig: w.orig}, true
	}
	return item{kind: kNumber, n: n, text: w.text, orig: w.orig}, true
}

// key is the canonical reading of the items, order- and stop-word-free: two
// questions with the same key ask the same thing. It is how verified queries
// are matched.
func key(items []item) string {
	parts := make([]string, 0, len(items))
	for _, it := range items {
		var p string
		switch it.kind {
		case kNumber, kYear:
			p = strconv.Itoa(int(it.kind)) + ":" + strconv.Itoa(it.n)
		case kDate:
			p = "d:" + it.date.Format(time.DateOnly)
		case kUnknown:
			p = "?:" + it.text
		case kKeyword:
			if it.kw(kwWhich) || it.kw(kwList) {
				continue // "who are the top 10 reps" asks what "top 10 reps" asks
			}
			fallthrough
		default:
			m := it.ms[0]
			p = strconv.Itoa(int(m.kind)) + ":" + m.name + "=" + m.value + string(m.grain) + strconv.Itoa(m.n)
		}
		parts = append(parts, p)
	}
	sort.Strings(parts)
	return strings.Join(dedupe(parts), " ")
}
