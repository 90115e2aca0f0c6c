package offline

import "fmt"

// DeclineKind says why a question was declined: a closed set, so a program
// (or an evaluation) can tell "I could not read it" from "the model does not
// hold it".
type DeclineKind string

// The reasons a question is declined.
const (
	// DeclineNotUnderstood: a word or phrase the analyst could not place.
	DeclineNotUnderstood DeclineKind = "not-understood"
	// DeclineNotInModel: a business subject the model does not hold (profit,
	// margin, cost, salaries, web traffic).
	DeclineNotInModel DeclineKind = "not-in-model"
	// DeclineOutOfDomain: not a question about the business at all.
	DeclineOutOfDomain DeclineKind = "out-of-domain"
	// DeclineChangesData: a request to change data; the analyst only reads.
	DeclineChangesData DeclineKind = "changes-data"
	// DeclineForecast: a question about the future.
	DeclineForecast DeclineKind = "forecast"
	// DeclineUnsupported: a question the analyst read but cannot answer
	// exactly (yet), said with what it can answer instead.
	DeclineUnsupported DeclineKind = "unsupported"
	// DeclineTooLarge: beyond a bound (question length, list size, groups).
	DeclineTooLarge DeclineKind = "too-large"
)

// Valid reports whether k is one of the kinds above.
func (k DeclineKind) Valid() bool {
	switch k {
	case DeclineNotUnderstood, DeclineNotInModel, DeclineOutOfDomain, DeclineChangesData,
		DeclineForecast, DeclineUnsupported, DeclineTooLarge:
		return true
	}
	return false
}

// decline is why a question is not answered, with what was not understood.
type decline struct {
	kind    DeclineKind
	reason  string
	unknown []string // words not understood
	outside []string // subjects outside the model
}

func (d *decline) Error() string { return d.reason }

func tooLarge(format string, args ...any) *decline {
	return &decline{kind: DeclineTooLarge, reason: fmt.Sprintf(format, args...)}
}

func unsupported(format string, args ...any) *decline {
	return &decline{kind: DeclineUnsupported, reason: fmt.Sprintf(format, args...)}
}

// offTopic are subjects that are not about the business at all.
var offTopic = []string{
	"weather", "temperature", "rain", "snow", "football", "soccer", "basketball", "baseball",
	"movie", "movies", "film", "recipe", "recipes", "joke", "jokes", "poem", "song", "music",
	"president", "election", "capital of", "meaning of life", "horoscope", "lottery", "bitcoin",
	"stock price", "share price", "news", "sports", "game score", "world cup",
	"stock market", "stocks", "restaurant", "restaurants", "translate", "hotel", "hotels", "flight", "flights",
	"ceo", "cfo", "cto", "headquarters", "password", "passwords", "login", "log in", "meeting",
	"meetings", "vacation", "holiday", "holidays", "policy", "policies", "hiring", "job", "jobs", "interview",
	"competitor", "competitors", "competition", "market share", "lawsuit", "legal", "wifi", "printer", "parking",
	"lunch", "org chart", "logo", "slogan", "mission statement", "founded", "founder", "ipo", "investors",
	"funding", "super bowl", "superbowl", "olympics", "oscars", "population", "mountain", "planet", "essay", "haiku", "limerick", "story", "homework", "dinner",
}
