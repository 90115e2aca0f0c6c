package analyst

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/salesanalytics/salesanalytics/internal/sqlparse"
)

// DefaultDatabase is the only Snowflake database analyst SQL may name in a
// three-part table name when [ExecOptions].Database is empty: the warehouse's
// default database.
const DefaultDatabase = "SALES_ANALYTICS_DB"

// MaxGeneratorRows bounds GENERATOR(ROWCOUNT => n) in Snowflake analyst SQL.
const MaxGeneratorRows = 1_000_000

// Snowflake words that run code or act: refused wherever they stand unquoted.
var snowflakeActs = map[string]string{
	"PROCEDURE": "defines a procedure (any SQL, JavaScript or Python with the caller's rights)",
	"CALL":      "calls a procedure",
	"EXECUTE":   "runs a statement or task",
	"NEXTVAL":   "moves a sequence",
}

// Cortex and AI functions: each call is billed (per row), so none may run in
// analyst SQL. Any function starting with AI_ is refused too.
var cortexFunctions = map[string]bool{
	"COMPLETE": true, "TRY_COMPLETE": true, "SUMMARIZE": true, "SENTIMENT": true, "ENTITY_SENTIMENT": true,
	"EXTRACT_ANSWER": true, "CLASSIFY_TEXT": true, "EMBED_TEXT_768": true, "EMBED_TEXT_1024": true,
	"COUNT_TOKENS": true, "SPLIT_TEXT_RECURSIVE_CHARACTER": true, "FINETUNE": true, "PROMPT": true,
}

// checkSnowflake applies the Snowflake rules to a statement's tokens: no
// procedures (named or anonymous), no IDENTIFIER() or TABLE('name'), no
// qualified function calls (SNOWFLAKE.CORTEX.…, user functions), no Cortex or AI
// functions, no sequences, no GENERATOR without a constant ROWCOUNT of at most
// MaxGeneratorRows (no TIMELIMIT), no time travel (AT, BEFORE, CHANGES), no name
// in the SNOWFLAKE database, and three-part table names only in database.
func checkSnowflake(toks []sqlparse.Token, database string) error {
	if database == "" {
		database = DefaultDatabase
	}
	var problems []string
	from := newFromTracker()
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		var prev sqlparse.Token
		if i > 0 {
			prev = toks[i-1]
		}
		if t.Kind == sqlparse.Ident {
			chain, end := dotted(toks, i)
			if p := snowflakeName(toks, chain, end, from.tableSlot(prev) && !prev.Is("."), database); p != "" {
				problems = append(problems, p)
			}
			for ; i < end-1; i++ {
				from.see(toks[i])
			}
			t = toks[i]
		}
		from.see(t)
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "; "))
	}
	return nil
}

// dotted reads the name a.b.c starting at toks[i] and returns its parts and the
// index after it.
func dotted(toks []sqlparse.Token, i int) ([]sqlparse.Token, int) {
	chain := []sqlparse.Token{toks[i]}
	j := i + 1
	for j+1 < len(toks) && toks[j].Is(".") && toks[j+1].Kind == sqlparse.Ident {
		chain = append(chain, toks[j+1])
		j += 2
	}
	return chain, j
}

// snowflakeName returns why the name chain (followed by toks[end]) is refused,
// or "". inTable says it stands where a table does.
func snowflakeName(toks []sqlparse.Token, chain []sqlparse.Token, end int, inTable bool, database string) string {
	var next sqlparse.Token
	if end < len(toks) {
		next = toks[end]
	}
	last := chain[len(chain)-1]
	name := strings.ToUpper(last.Text)
	call := next.Is("(")
	first := strings.ToUpper(chain[0].Text)
	switch {
	case !last.Quoted && snowflakeActs[name] != "":
		return fmt.Sprintf("it uses %s, which %s", name, snowflakeActs[name])
	case first == "SNOWFLAKE" && len(chain) > 1:
		return fmt.Sprintf("it names %s in the SNOWFLAKE database (account data, Cortex)", joinNames(chain))
	case call && len(chain) > 1:
		return fmt.Sprintf("it calls %s, a function qualified by a schema or database", joinNames(chain))
	case call && !last.Quoted && (name == "IDENTIFIER"):
		return "it calls IDENTIFIER(), which names an object from a string"
	case call && !last.Quoted && name == "TABLE" && end+1 < len(toks) && toks[end+1].Kind != sqlparse.Ident:
		return "it uses TABLE(<string or variable>), which names an object from a string"
	case call && !last.Quoted && (cortexFunctions[name] || strings.HasPrefix(name, "AI_")):
		return fmt.Sprintf("it calls %s, a Cortex AI function billed per call", name)
	case call && !last.Quoted && name == "GENERATOR":
		return generatorProblem(toks, end)
	case call && !last.Quoted && (name == "AT" || name == "BEFORE" || name == "CHANGES"):
		return fmt.Sprintf("it reads a table %s a point in time (time travel)", name)
	case inTable && !call && len(chain) == 3 && !strings.EqualFold(chain[0].Text, database):
		return fmt.Sprintf("it reads %s from another database than %s", joinNames(chain), database)
	case inTable && len(chain) > 3:
		return fmt.Sprintf("it reads %s, a name of more than three parts", joinNames(chain))
	}
	return ""
}

// generatorProblem checks GENERATOR( … ) whose "(" is toks[open].
func generatorProblem(toks []sqlparse.Token, open int) string {
	depth, rows := 0, -1
	for j := open; j < len(toks); j++ {
		switch t := toks[j]; {
		case t.Is("("):
			depth++
		case t.Is(")"):
			depth--
		case t.Is("TIMELIMIT"):
			return "it calls GENERATOR with a TIMELIMIT, which runs for a time, not a number of rows"
		case t.Is("ROWCOUNT"):
			if j+3 >= len(toks) || !toks[j+1].Is("=") || !toks[j+2].Is(">") || toks[j+3].Kind != sqlparse.Number {
				return "it calls GENERATOR with a ROWCOUNT that is not a constant number"
			}
			n, err := strconv.ParseFloat(toks[j+3].Text, 64)
			if err != nil || n > MaxGeneratorRows {
				return fmt.Sprintf("it calls GENERATOR for more than %d rows", MaxGeneratorRows)
			}
			rows = int(n)
		}
		if depth == 0 {
			break
		}
	}
	if rows < 0 {
		return "it calls GENERATOR without a constant ROWCOUNT"
	}
	return ""
}

func joinNames(chain []sqlparse.Token) string {
	parts := make([]string, len(chain))
	for i, t := range chain {
		parts[i] = t.Text
	}
	return strings.Join(parts, ".")
}
