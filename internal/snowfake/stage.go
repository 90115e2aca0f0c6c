package snowfake

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Stages: CREATE STAGE makes a directory under the server's stage root; PUT
// answers as Snowflake does for a stage of location type LOCAL_FS, which makes
// the driver itself copy the file into that directory (gosnowflake's
// local_storage_client.go); LIST reads the directory back.

var (
	createStage = regexp.MustCompile(`(?is)^CREATE\s+(?:OR\s+REPLACE\s+)?STAGE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\S+)`)
	putFile     = regexp.MustCompile(`(?is)^PUT\s+'?file://([^'\s]+)'?\s+@(\S+?)(/\S*)?((?:\s+\w+\s*=\s*\S+)*)$`)
	listStage   = regexp.MustCompile(`(?is)^(?:LIST|LS)\s+@(\S+?)(?:/(\S*))?(?:\s+PATTERN\s*=\s*'([^']*)')?$`)
	getFile     = regexp.MustCompile(`(?is)^GET\s`)
)

// stageDir returns the directory of the stage ref, creating the stage root when
// create is set; ok is false when the stage was never created.
func (s *Server) stageDir(ref string, create bool) (string, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	k := key(ref)
	if dir, ok := s.stages[k]; ok {
		return dir, true, nil
	}
	if !create {
		return "", false, nil
	}
	if s.stageRoot == "" {
		root, err := os.MkdirTemp("", "snowfake-stages-")
		if err != nil {
			return "", false, err
		}
		s.stageRoot = root
	}
	dir := filepath.Join(s.stageRoot, strconv.Itoa(len(s.stages)))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", false, err
	}
	s.stages[k] = dir
	return dir, true, nil
}

func (s *Server) createStage(ref string) (*result, error) {
	if _, _, err := s.stageDir(ref, true); err != nil {
		return nil, err
	}
	return status(typeDDL, "Stage area "+lastPart(ref)+" successfully created."), nil
}

// put answers PUT file://<path> @<stage>[/<prefix>] [options] with what the
// driver needs to upload to a LOCAL_FS stage: the command, the source as
// written, the options and the stage's directory.
func (s *Server) put(m []string) (*result, error) {
	src, ref, prefix, opts := m[1], m[2], strings.Trim(m[3], "/"), parseOptions(m[4])
	dir, ok, _ := s.stageDir(ref, false)
	if !ok {
		return nil, fmt.Errorf("Catalog Error: Stage '%s' does not exist or not authorized.", strings.Join(parts(ref), "."))
	}
	if prefix != "" {
		dir = filepath.Join(dir, filepath.FromSlash(prefix))
	}
	overwrite := strings.EqualFold(opts["OVERWRITE"], "TRUE")
	if overwrite {
		// Snowflake replaces the file; the driver's LOCAL_FS client opens it
		// without truncating, so a shorter upload would keep the old tail.
		if err := os.Remove(filepath.Join(dir, path.Base(filepath.ToSlash(src)))); err != nil && !os.IsNotExist(err) {
			return nil, err
		}
	}
	return &result{
		StatementTypeID:   typePut,
		Command:           "UPLOAD",
		SrcLocations:      []string{src},
		AutoCompress:      !strings.EqualFold(opts["AUTO_COMPRESS"], "FALSE"),
		Overwrite:         overwrite,
		SourceCompression: strings.ToLower(orDefault(opts["SOURCE_COMPRESSION"], "AUTO_DETECT")),
		Parallel:          1,
		StageInfo:         &stageInfo{LocationType: "LOCAL_FS", Location: dir + string(filepath.Separator)},
		Rowset:            [][]*string{},
	}, nil
}

// list answers LIST @stage [PATTERN = '…'] with the columns Snowflake shows:
// name (the stage's name in lower case, a slash, the file), size, md5 and
// last_modified.
func (s *Server) list(m []string) (*result, error) {
	ref, prefix, pattern := m[1], m[2], m[3]
	dir, ok, _ := s.stageDir(ref, false)
	if !ok {
		return nil, fmt.Errorf("Catalog Error: Stage '%s' does not exist or not authorized.", strings.Join(parts(ref), "."))
	}
	var re *regexp.Regexp
	if pattern != "" {
		var err error
		if re, err = regexp.Compile("^(?:" + pattern + ")$"); err != nil {
			return nil, fmt.Errorf("Parser Error: invalid PATTERN: %w", err)
		}
	}
	res := &result{StatementTypeID: typeSelect, Rowset: [][]*string{}, Rowtype: []column{
		{Name: "name", Type: "text", Nullable: true}, {Name: "size", Type: "fixed", Precision: 38, Nullable: true},
		{Name: "md5", Type: "text", Nullable: true}, {Name: "last_modified", Type: "text", Nullable: true},
	}}
	var names []string
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		names = append(names, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	stage := strings.ToLower(lastPart(ref))
	for _, rel := range names {
		name := path.Join(stage, rel)
		if prefix != "" && !strings.HasPrefix(rel, prefix) || re != nil && !re.MatchString(name) {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			return nil, err
		}
		fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			return nil, err
		}
		sum := md5.Sum(b)
		vals := []string{name, strconv.Itoa(len(b)), hex.EncodeToString(sum[:]), fi.ModTime().UTC().Format(time.RFC1123)}
		res.Rowset = append(res.Rowset, []*string{&vals[0], &vals[1], &vals[2], &vals[3]})
	}
	return res, nil
}

// parseOptions reads KEY = value pairs, upper-casing the keys.
func parseOptions(s string) map[string]string {
	out := map[string]string{}
	for _, o := range dynamicOption.FindAllStringSubmatch(s, -1) {
		out[strings.ToUpper(o[1])] = strings.Trim(o[2], `'"`)
	}
	return out
}

// stageInfo is the stage a PUT or GET transfers to or from.
type stageInfo struct {
	LocationType string `json:"locationType"`
	Location     string `json:"location"`
}
