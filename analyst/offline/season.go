package offline

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// seasonMonths are the months a season word names, as the northern
// meteorological seasons: winter is December to February.
var seasonMonths = map[string][2]time.Month{
	"winter": {time.December, time.February}, "spring": {time.March, time.May},
	"summer": {time.June, time.August}, "autumn": {time.September, time.November}, "fall": {time.September, time.November},
}

// seasonsNamed drops from unknown the season words that only name the one
// period the question gives in full ("the winter of Dec '24 to Feb '25":
// December to February, which the reading says). A season with no months
// given ("last winter") stays unknown: which months it means is not said.
func seasonsNamed(unknown []string, ps []period) []string {
	if len(ps) != 1 {
		return unknown
	}
	p := ps[0]
	return slices.DeleteFunc(unknown, func(u string) bool {
		m, ok := seasonMonths[strings.ToLower(u)]
		return ok && p.from.Day() == 1 && p.from.Month() == m[0] && p.to.Month() == m[1] &&
			p.to.AddDate(0, 0, 1).Day() == 1 && p.to.Sub(p.from) < 100*24*time.Hour
	})
}

// seasonAsk asks back which months a season left unknown means, offering its
// meteorological months ("winter": December to February), or "".
func seasonAsk(unknown []string) string {
	for _, u := range unknown {
		if m, ok := seasonMonths[strings.ToLower(u)]; ok {
			return fmt.Sprintf(" Which months is %q? If you mean %s to %s, name them with their years (\"%s 2024 to %s 2025\").",
				u, m[0], m[1], m[0].String()[:3], m[1].String()[:3])
		}
	}
	return ""
}
