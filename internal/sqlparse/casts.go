package sqlparse

import "fmt"

// CheckCasts reports an error for a cast in toks whose target is not a type from
// the type grammar: CAST(x AS <type>), TRY_CAST(x AS <type>) and x::<type>. It
// serves checks that read tokens without parsing (a model's row-level
// expressions may hold SQL the expression parser does not, such as windows).
func CheckCasts(toks []Token) error {
	for i := 0; i < len(toks); i++ {
		switch {
		case (toks[i].Is("CAST") || toks[i].Is("TRY_CAST")) && i+1 < len(toks) && toks[i+1].Is("("):
			closer, as := -1, -1
			depth := 0
			for j := i + 1; j < len(toks) && closer < 0; j++ {
				switch {
				case toks[j].Is("("):
					depth++
				case toks[j].Is(")"):
					depth--
					if depth == 0 {
						closer = j
					}
				case depth == 1 && toks[j].Is("AS"):
					as = j
				}
			}
			if closer < 0 || as < 0 {
				return fmt.Errorf("%s needs (expression AS type)", toks[i].Text)
			}
			_, n, err := parseType(toks[as+1 : closer])
			if err != nil {
				return err
			}
			if as+1+n != closer {
				return fmt.Errorf("%s: unexpected %q after the type", toks[i].Text, toks[as+1+n].Text)
			}
		case toks[i].Is(":") && i+1 < len(toks) && toks[i+1].Is(":") && toks[i].End == toks[i+1].Pos:
			if _, _, err := parseType(toks[i+2:]); err != nil {
				return fmt.Errorf("::%w", err)
			}
			i++
		}
	}
	return nil
}
