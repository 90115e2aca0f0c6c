package evalset

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// GoldenDir is the directory, within the set, of the computed answers.
const GoldenDir = "golden"

// Answer is an answered family's expected result as pinned in
// golden/<family>.json: its columns and its rows, every value exact text
// (decimals at their column's scale, integers in full, dates YYYY-MM-DD).
type Answer struct {
	Family  string         `json:"family"`
	Columns []AnswerColumn `json:"columns"`
	Rows    [][]string     `json:"rows"`
}

// AnswerColumn is one column of an [Answer]: its name and its SQL type.
type AnswerColumn struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// LoadAnswer reads family's pinned answer from the set in fsys.
func LoadAnswer(fsys fs.FS, family string) (Answer, error) {
	var a Answer
	b, err := fs.ReadFile(fsys, path.Join(GoldenDir, family+".json"))
	if err != nil {
		return a, fmt.Errorf("evalset: answer of %s: %w", family, err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		return a, fmt.Errorf("evalset: answer of %s: %w", family, err)
	}
	if a.Family != family {
		return a, fmt.Errorf("evalset: answer of %s: file names family %q", family, a.Family)
	}
	return a, nil
}

// LoadHeldOut reads the committed held-out family ids (heldout.txt) from the
// set in fsys.
func LoadHeldOut(fsys fs.FS) (map[string]bool, error) {
	b, err := fs.ReadFile(fsys, HeldOutFile)
	if err != nil {
		return nil, fmt.Errorf("evalset: %w", err)
	}
	out := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if id := strings.TrimSpace(sc.Text()); id != "" {
			out[id] = true
		}
	}
	return out, sc.Err()
}
