package offline

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

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
	ms     []meaning
	kind   kind // ms[0].kind, or kNumber, kYear, kDate, kUnknown
	n      int
	date   time.Time
	amount string // a number as exact decimal text (1.5k → 1500), for thresholds
	text   string // the words as matched
	orig   string // the words as written
	used   bool
	pos    int  // index among the items
	money  bool // written as an amount ("$2,000")
	dollar bool // with its currency sign: never a count of things
	// afterIn: said after "in", "of", "during" or "for" ("December in 2025":
	// the year a month is of, not one date "December 2025")
	afterIn bool
	// leftOut is the label of the period that starts at this item, left out
	// of the period before it ("2025 excluding December")
	leftOut string
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
	if it == nil {
		return meaning{}, false // no neighbour: ">0" has no word before it
	}
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
		if _, ok := numberWords[w.text]; ok {
			continue
		}
		if to, ok := l.correct(w.text); ok {
			fixes = append(fixes, correction{w.orig, to})
			w.text, w.sing = to, singular(to)
		} else if to, ok := l.correct(w.sing); ok && w.sing != w.text {
			fixes = append(fixes, correction{w.orig, to}) // "catgeories": category
			w.text, w.sing = to, to
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
			it.afterIn = i >= 2 && periodWords[ws[i-2].text]
			items = append(items, it)
			continue
		}
		if stopWords[w.text] {
			continue
		}
		items = append(items, item{kind: kUnknown, text: w.text, orig: w.orig, pos: len(items)})
	}
	return scaleNumbers(items), fixes
}

// periodWords may come before a period.
var periodWords = toSet("in", "of", "during", "for")

// scaleNumbers joins a number and the multiplier after it: "ten thousand" is
// 10000, "1.5 million" 1500000.
func scaleNumbers(items []item) []item {
	out := items[:0]
	for i, it := range items {
		if it.kind == kYear && amountAround(items, i) {
			// "more than 2000 dollars": an amount, not a year
			it.kind, it.amount = kNumber, strconv.Itoa(it.n)
		}
		if n := len(out); n > 0 && (addsToScaled(out[n-1], items, i) || it.kind == kNumber && numberWords[it.text] > 0 && numberWords[it.text] < 10 &&
			out[n-1].kind == kNumber && tensWords[lastWord(out[n-1].text)]) {
			// "twenty-five", "thirty two", "two hundred (and) fifty": one number
			if it.kind == kNumber {
				p := &out[n-1]
				p.n += it.n
				p.amount = strconv.Itoa(p.n)
				p.text, p.orig = p.text+" "+it.text, p.orig+" "+it.orig
			}
			continue
		}
		if n := len(out); n > 0 && it.kind == kNumber && multipliers[it.text] && out[n-1].kind == kNumber && !multipliers[out[n-1].text] {
			p := &out[n-1]
			a, err1 := decimal.NewFromString(orDefault(p.amount, strconv.Itoa(p.n)))
			if err1 == nil {
				v := a.Mul(decimal.NewFromInt(int64(it.n)))
				p.amount, p.n = v.String(), int(v.IntPart())
				p.text, p.orig = p.text+" "+it.text, p.orig+" "+it.orig
				scaleLow(out, a, it.n)
				out = joinScaled(out, it.n)
				continue
			}
		}
		it.pos = len(out)
		out = append(out, it)
	}
	return out
}

// tensWords are the number words a units word may follow ("twenty-five").
var tensWords = toSet("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

// scaleLow gives the low end of a range written with one multiplier ("one
// to two thousand dollars", "between 1 and 2 million") that multiplier: the
// number before "to" or "and" that is smaller than the high end as written.
func scaleLow(out []item, high decimal.Decimal, mult int) {
	n := len(out)
	if n < 3 || !(out[n-2].kw(kwTo) || out[n-2].kw(kwAnd)) || out[n-3].kind != kNumber {
		return
	}
	lo := &out[n-3]
	a, err := decimal.NewFromString(orDefault(lo.amount, strconv.Itoa(lo.n)))
	if err != nil || !a.LessThan(high) || strings.Contains(lo.text, " ") || strings.ContainsAny(lo.text, "km") {
		return
	}
	v := a.Mul(decimal.NewFromInt(int64(mult)))
	lo.amount, lo.n = v.String(), int(v.IntPart())
}

// amountAround reports whether the year-like number at item i is an amount:
// a threshold word comes before it ("more than 2000 dollars"; "sell in 2025
// in dollars" is a year).
func amountAround(items []item, i int) bool {
	if i > 0 && (items[i-1].kw(kwMore) || items[i-1].kw(kwLess)) {
		// "growth in 2025 over 2024": another year and no currency make it a year
		// "revenue in 2025 less than 2024": a year near another year is one too;
		// "the trend over 2025": a year not a round amount is a year
		if i+1 < len(items) && currencyWords[items[i+1].text] {
			return true
		}
		counts := i+1 < len(items) && (items[i+1].is(kMetric) || items[i+1].is(kDim) || items[i+1].kw(kwDistinct))
		if nearYear(items, i) || !items[i].money && (items[i].afterIn || items[i].n%100 != 0 && !counts) {
			// "more than in 2024", "more than 2024": a year after "in", or
			// one not a round amount counting nothing, is a period ("more
			// than 2099 orders" counts them)
			return false
		}
		return items[i-1].text != "over" || !otherYear(items, i) && items[i].n%100 == 0
	}
	if i > 0 && items[i-1].kind == kMonth && !items[i].money {
		return false // "1 Dec 2024 to 28 Feb 2025": the year of a month
	}
	// "between $1,000 and 2000", "from 1000 to $2,000": a pair of amounts
	for _, j := range []int{i - 2, i + 2} {
		if j >= 0 && j < len(items) && items[j].kind == kNumber && items[j].amount != "" && (items[min(i, j)+1].kw(kwAnd) || items[min(i, j)+1].kw(kwTo)) {
			return true
		}
	}
	return false
}

// otherYear reports whether an item other than i is a year.
func otherYear(items []item, i int) bool {
	for j := range items {
		if j != i && items[j].kind == kYear {
			return true
		}
	}
	return false
}

// nearYear reports whether another item is a year within five of the
// year-like number at item i.
func nearYear(items []item, i int) bool {
	for j := range items {
		if d := items[j].n - items[i].n; j != i && items[j].kind == kYear && d >= -5 && d <= 5 && !items[i].money {
			return true
		}
	}
	return false
}

// multipliers scale the number before them.
var multipliers = toSet("hundred", "thousand", "million", "grand")

// correct finds the one typoable word near enough to w: within the edit limit
// for its length (a swap of two neighbouring letters is one edit), or with
// only vowels dropped ("prdcts", "rvnue").
func (l *lexicon) correct(w string) (string, bool) {
	if to, ok := l.nearest(w); ok {
		return to, true
	}
	if to, ok := l.swapped(w); ok {
		return to, true
	}
	if to, ok := l.redoubled(w); ok {
		return to, true
	}
	return l.devowelled(w)
}

// redoubled finds the one typoable word that w is with a letter doubled or
// undoubled ("chanell", "chanel" for channel).
func (l *lexicon) redoubled(w string) (string, bool) {
	if len(w) < 5 {
		return "", false
	}
	cw := undouble(w)
	found := ""
	for _, c := range l.typoable {
		if c[0] == w[0] && c != w && undouble(c) == cw {
			if found != "" && found != c {
				return "", false
			}
			found = c
		}
	}
	return found, found != ""
}

// undouble writes each run of one letter once: channel → chanel.
func undouble(w string) string {
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		if i == 0 || w[i] != w[i-1] {
			b = append(b, w[i])
		}
	}
	return string(b)
}

// swapped finds the one typoable word of four letters that w is with two
// neighbouring letters swapped ("yaer", "qaurter" is caught by nearest).
func (l *lexicon) swapped(w string) (string, bool) {
	if len(w) != 4 && len(w) != 3 {
		return "", false
	}
	found := ""
	for _, c := range append(l.typoable, shortWords...) {
		if len(c) == len(w) && editdist.Transposed(w, c, 1) == 1 && sameLetters(w, c) && c != found {
			if found != "" {
				return "", false
			}
			found = c
		}
	}
	return found, found != ""
}

// shortWords are the short words of a question a transposition may hide:
// "hwo", "teh".
var shortWords = []string{"how", "who", "the", "and", "for", "per", "top", "many", "much", "what", "which", "with", "from", "last", "year", "this",
	"was", "are", "did", "our", "one", "two", "six", "ten", "four", "five", "nine", "sold", "sell", "made", "week", "unit", "each", "most", "best", "over"}

// shortVowelled are the short words whose vowels a quick typist leaves out
// ("sld", "yr" aside, which are abbreviations): a word of three letters is
// read as one of them when it is that word without some vowels.
var shortVowelled = []string{"sold", "sell", "made", "many", "much", "week", "year", "last", "what", "from", "most", "best",
	"each", "five", "nine", "four", "unit", "units", "top", "per"}

func sameLetters(a, b string) bool {
	x, y := []byte(a), []byte(b)
	slices.Sort(x)
	slices.Sort(y)
	return string(x) == string(y)
}

func (l *lexicon) nearest(w string) (string, bool) {
	limit := typoLimit(len(w))
	if limit == 0 {
		return "", false
	}
	best, bestD, ties := "", limit+1, 0
	for _, c := range l.typoable {
		if c[0] != w[0] && limit < 2 { // short words: keep the first letter
			continue
		}
		d := editdist.Transposed(w, c, limit)
		switch {
		case d < bestD:
			best, bestD, ties = c, d, 1
		case d == bestD:
			ties++
		}
	}
	if bestD > limit {
		return l.twoSlips(w)
	}
	if ties != 1 { // "untis": of units and until, the one with its letters
		best, ties = "", 0
		for _, c := range l.typoable {
			if len(c) == len(w) && sameLetters(w, c) && editdist.Transposed(w, c, limit) == bestD {
				best, ties = c, ties+1
			}
		}
	}
	return best, ties == 1
}

// twoSlips finds the one typoable word of six letters or more within two
// edits of w that starts as w does ("revneu" for revenue: a transposition
// and a dropped letter).
func (l *lexicon) twoSlips(w string) (string, bool) {
	if len(w) < 6 {
		return "", false
	}
	found := ""
	for _, c := range l.typoable {
		if len(c) >= 6 && c[:2] == w[:2] && editdist.Transposed(w, c, 2) <= 2 && c != found {
			if found != "" {
				return "", false
			}
			found = c
		}
	}
	return found, found != ""
}

// devowelled finds the one typoable word that w is, with some of its vowels
// left out and its first letter kept.
func (l *lexicon) devowelled(w string) (string, bool) {
	if len(w) < 3 {
		return "", false
	}
	cands := l.typoable
	if len(w) == 3 {
		cands = shortVowelled // "sld": sold
	}
	found := ""
	for _, c := range cands {
		if c[0] == w[0] && len(c) > len(w) && onlyVowelsDropped(w, c) {
			if found != "" {
				return "", false
			}
			found = c
		}
	}
	return found, found != ""
}

// onlyVowelsDropped reports whether w is c with some vowels removed.
func onlyVowelsDropped(w, c string) bool {
	i := 0
	for j := 0; j < len(c); j++ {
		switch {
		case i < len(w) && w[i] == c[j]:
			i++
		case !strings.ContainsRune("aeiou", rune(c[j])):
			return false
		}
	}
	return i == len(w)
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
		if m.upper && orig != strings.ToUpper(orig) && commonWords[strings.ToLower(orig)] && (i == 0 || ws[i-1].text != "state") {
			continue
		}
		if (m.singular || (m.kind == kWrite || m.kind == kKeyword && m.name == kwChange) && sellVerbs[ws[i].text]) && i > 0 && verbLeads[ws[i-1].text] {
			continue // "did we book", "units did we move": a verb
		}
		out = append(out, m)
	}
	return out
}

// verbLeads are words after which a noun's singular is a verb.
var verbLeads = toSet("we", "i", "you", "they", "did", "do", "does", "to", "will", "can", "could", "would", "should")

// sellVerbs are change words that, after "we", say what was sold.
var sellVerbs = toSet("move", "moved", "moving", "shift", "shifted")

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
		return item{kind: kNumber, n: n, amount: strconv.Itoa(n), text: w.text, orig: w.orig}, true
	}
	if t, err := time.Parse(time.DateOnly, w.text); err == nil {
		return item{kind: kDate, date: t, text: w.text, orig: w.orig}, true
	}
	if t, err := time.Parse("2006-01", w.text); err == nil && len(w.text) == 7 {
		return item{kind: kDate, date: t, n: 1, text: w.text, orig: w.orig}, true // a month
	}
	if it, ok := slashDate(w); ok {
		return it, true
	}
	if a, ok := amountText(w.text); ok {
		n, _ := strconv.Atoi(strings.Split(a, ".")[0])
		if !strings.ContainsAny(w.text, ".km") && len(w.text) == 4 && n >= 1990 && n <= 2099 && !w.money {
			return item{kind: kYear, n: n, text: w.text, orig: w.orig}, true
		}
		return item{kind: kNumber, n: n, amount: a, text: w.text, orig: w.orig, money: w.money, dollar: w.dollar}, true
	}
	s := strings.TrimSuffix(strings.TrimSuffix(w.text, "st"), "th")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "nd"), "rd")
	n, err := strconv.Atoi(s)
	if err != nil || len(s) > 9 {
		return item{}, false
	}
	if s == w.text && len(s) == 4 && n >= 1990 && n <= 2099 && !w.money {
		return item{kind: kYear, n: n, text: w.text, orig: w.orig}, true
	}
	return item{kind: kNumber, n: n, text: w.text, orig: w.orig}, true
}

// slashDate reads a date written with slashes or dots: US month/day/year
// (4/15/2025, 4/15/25), month/day with its year elsewhere (2/1: n = 2) and
// ISO year/month/day (2025/04/15, 2025.04.15).
func slashDate(w word) (item, bool) {
	t := strings.ReplaceAll(w.text, ".", "/")
	parts := strings.Split(t, "/")
	if len(parts) < 2 || len(parts) > 3 || w.money || strings.Contains(w.text, ".") && len(parts) != 3 {
		return item{}, false
	}
	n := make([]int, len(parts))
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || p == "" || len(p) > 4 {
			return item{}, false
		}
		n[i] = v
	}
	y, m, d := 0, n[0], n[1]
	switch {
	case len(n) == 3 && len(parts[0]) == 4:
		y, m, d = n[0], n[1], n[2] // 2025/04/15
	case len(n) == 3 && len(parts[2]) == 4:
		y = n[2]
	case len(n) == 3 && len(parts[2]) == 2:
		y = 2000 + n[2] // 4/15/25
	case len(n) == 3:
		return item{}, false
	}
	if m < 1 || m > 12 || d < 1 || d > 31 || len(n) == 3 && (y < 1990 || y > 2099) {
		return item{}, false
	}
	if len(n) == 2 {
		return item{kind: kDate, date: date(2024, m, d), n: 2, text: w.text, orig: w.orig}, true // no year: 2024 has every day
	}
	dt := date(y, m, d)
	if dt.Day() != d {
		return item{}, false
	}
	return item{kind: kDate, date: dt, text: w.text, orig: w.orig}, true
}

// amountText reads 5000, 5000.50, 10k or 1.5m as exact decimal text.
func amountText(t string) (string, bool) {
	mult := ""
	switch {
	case strings.HasSuffix(t, "k"):
		t, mult = t[:len(t)-1], "1000"
	case strings.HasSuffix(t, "m"):
		t, mult = t[:len(t)-1], "1000000"
	}
	if t == "" || len(t) > 15 {
		return "", false
	}
	dot := false
	for _, c := range t {
		switch {
		case c == '.' && !dot:
			dot = true
		case c < '0' || c > '9':
			return "", false
		}
	}
	if t[0] == '.' || t[len(t)-1] == '.' {
		return "", false
	}
	if mult == "" {
		return t, true
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return "", false
	}
	m, _ := decimal.NewFromString(mult)
	return d.Mul(m).String(), true
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
