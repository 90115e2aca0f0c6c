package semantic

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// sameTree compares the parts of two node trees the decoder reads: kind, tag,
// value, style, line, column and children. Comments are not compared.
func sameTree(a, b *yaml.Node, path string) error {
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Style != b.Style ||
		a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) {
		return fmt.Errorf("%s: fast {kind %d tag %s value %q style %d at %d:%d, %d children} yaml.v3 {kind %d tag %s value %q style %d at %d:%d, %d children}",
			path, a.Kind, a.Tag, a.Value, a.Style, a.Line, a.Column, len(a.Content),
			b.Kind, b.Tag, b.Value, b.Style, b.Line, b.Column, len(b.Content))
	}
	for i := range a.Content {
		if err := sameTree(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", path, i)); err != nil {
			return err
		}
	}
	return nil
}

// checkFast fails when the fast parser answers data differently from yaml.v3. It
// reports whether the fast parser answered at all.
func checkFast(t testing.TB, data []byte) bool {
	t.Helper()
	fast, ok := parseFast(data)
	if !ok {
		return false
	}
	var want yaml.Node
	if err := yaml.Unmarshal(data, &want); err != nil {
		t.Fatalf("fast parser accepted what yaml.v3 rejects (%v):\n%s", err, data)
	}
	if err := sameTree(fast, &want, ""); err != nil {
		t.Fatalf("%v\ninput:\n%s", err, data)
	}
	return true
}

func TestFastYAMLMatchesYAMLv3(t *testing.T) {
	files, err := filepath.Glob("testdata/*/*.yaml")
	require.NoError(t, err)
	files = append(files, "sales_model.yaml")
	answered := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		if checkFast(t, data) {
			answered++
		}
	}
	// Most fixtures are in the subset; the rest exercise yaml.v3's own errors.
	require.Greater(t, answered, len(files)/2, "the fast path answered %d of %d fixtures", answered, len(files))
	require.True(t, checkFast(t, SalesModelYAML()), "the sales model must take the fast path")
}

func TestFastYAMLCases(t *testing.T) {
	cases := []struct {
		name string
		in   string
		fast bool // whether the fast path must answer
	}{
		{"scalars", "a: 1\nb: true\nc: ~\nd: 2024-01-02\ne: 1.5\nf: .inf\ng: 0x1F\nh: 1_000\ni: text here\nj: -3\nk: 0o17\nl: 0b101\nm: +1e3\n", true},
		{"comments", "# head\na: x # trailing\n  # indented comment\nb: C#sharp\n", true},
		{"empty values", "a:\nb:   # nothing\nc: x\n", true},
		{"quoted", "a: \"x \\\"y\\\" \\n\\t\\\\\"\nb: 'it''s'\nc: \"\"\nd: ''\ne: 'a: b # c'\n", true},
		{"flow", "a: [x, 'y', \"z\", 1, null, w v]\nb: []\nc: [ a ,b ]\n", true},
		{"nested", "a:\n  b:\n    - c: 1\n      d: [2]\n    -\n      e: 3\n    - 4\n    -\n  f: g\n", true},
		{"indentless", "a:\n- x\n- y: 1\n  z: 2\nb: c\n", true},
		{"literal", "a: |\n  line 1\n\n    indented\n  line 3\n\n\nb: |-\n  kept\n  # not a comment\nc: |\nd: x\n", true},
		{"folded", "a: >-\n  one\n  two\n\n  three\n\n\n  four\nb: >\n  x\n  y\n\n", true},
		{"leading empty lines", "a: |\n\n  x\nb: >\n\n\n  y\n  z\n", true},
		{"block then dedent comment", "a:\n  b: |\n    x\n# c\n  d: y\n", true},
		{"unicode", "a: 2024–2025 ünïcödé\nb: [ä, ö]\nc: 'é'\n", true},
		{"keys", "a b: 1\nc-d: 2\ne.f: 3\n\"q\": 4\n", false},
		{"anchors", "a: &x 1\nb: *x\n", false},
		{"tags", "a: !!str 1\n", false},
		{"flow mapping", "a: {b: 1, c: [x], d}\n", false},
		{"flow multi-line", "a: [x,\n  y]\n", false},
		{"flow mapping of scalars", "a: {b: 1, 'c': \"d\", e: f g}\nh: {}\n", true},
		{"multi-line plain", "a: one\n  two\n", false},
		{"multi-line quoted", "a: \"one\n  two\"\n", false},
		{"document marker", "---\na: 1\n", false},
		{"tab indent", "a:\n\tb: 1\n", false},
		{"crlf", "a: 1\r\nb: 2\r\n", false},
		{"keep chomping", "a: |+\n  x\n\n", false},
		{"more-indented folded", "a: >\n  x\n    y\n", false},
		{"merge", "a: 1\n<<: 2\n", false},
		{"bad indent", "a: 1\n b: 2\n", false},
		{"key value mistake", "a: b: c\n", false},
		{"root sequence", "- a\n- b\n", false},
		{"escape", "a: \"\\u00e9\"\n", false},
		{"trailing comma", "a: [x, ]\n", false},
		{"nested flow", "a: [[x], {b: [c, d]}]\n", true},
		{"flow key collection", "a: {[x]: y}\n", false},
		{"dash value", "a: - x\n", false},
		{"bom", "\ufeffa: 1\n", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.Equal(t, c.fast, checkFast(t, []byte(c.in)), "fast path answered")
		})
	}
}

// FuzzFastYAML checks the fast path against yaml.v3 on arbitrary input: wherever
// it answers, yaml.v3 must accept the input and build the same tree.
func FuzzFastYAML(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.yaml")
	for _, name := range append(files, "sales_model.yaml") {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{"a: |\n  x\n", "a:\n- [b, 'c']\n", "a: >-\n  x\n\n  y\n", "k: \"\\n\"\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if strings.Count(string(data), "\n") > 2000 {
			return
		}
		checkFast(t, data)
	})
}
