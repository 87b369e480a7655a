package config

import (
	"fmt"

	"github.com/aupscan/aupscan/signatures"
)

// MaxSize is the largest file parsed: configuration files are small, and a parser's
// memory grows with its input. Larger files at a configuration path are reported as
// skipped.
const MaxSize = 1 << 20

// Document is one configuration file as read. Tree holds its values as nested
// map[string]any, []any and string (numbers in decimal, booleans as true or false);
// a key given several times in an INI or directive file holds a []any of its values.
// Directives keeps every line of a directive file in order, for judges.
type Document struct {
	Format     string
	Tree       any
	Directives []Directive
}

// Read parses data as format (one of signatures.ConfigFormats). Errors name the
// format and the line.
func Read(format string, data []byte) (*Document, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s: larger than %d bytes", format, MaxSize)
	}
	d := &Document{Format: format}
	var err error
	switch format {
	case signatures.FormatJSON:
		d.Tree, err = readJSON(data)
	case signatures.FormatYAML:
		d.Tree, err = readYAML(data)
	case signatures.FormatTOML:
		d.Tree, err = readTOML(data)
	case signatures.FormatINI:
		d.Tree, err = readINI(data)
	case signatures.FormatDirective:
		d.Directives, err = ReadDirectives(data, genericDirectives)
		d.Tree = directiveTree(d.Directives)
	default:
		err = fmt.Errorf("unknown format %q", format)
	}
	if err != nil {
		return nil, err
	}
	return d, nil
}
