package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/BurntSushi/toml"
	"github.com/tailscale/hujson"
	"go.yaml.in/yaml/v3"
)

// readJSON reads JSON as the programs that use it do, many of which (Xray, V2Ray,
// sing-box) accept comments and trailing commas: hujson (Tailscale's JWCC reader)
// turns those into spaces, keeping lines and offsets, and encoding/json decodes.
func readJSON(data []byte) (any, error) {
	if err := nestingOK(data, false); err != nil {
		return nil, fmt.Errorf("json: %w", err)
	}
	std, err := hujson.Standardize(data)
	if err != nil {
		return nil, fmt.Errorf("json: %w", trimPrefix(err, "hujson: "))
	}
	dec := json.NewDecoder(bytes.NewReader(std))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("json: %w", err)
	}
	return normalize(v), nil
}

// readYAML reads the first document of a YAML stream (go.yaml.in/yaml/v3, the YAML
// organisation's maintained successor of gopkg.in/yaml.v3, which refuses alias bombs
// and bounds nesting).
func readYAML(data []byte) (any, error) {
	var v any
	err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&v)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("yaml: %w", trimPrefix(err, "yaml: "))
	}
	return normalize(v), nil
}

// readTOML reads TOML 1.0 with BurntSushi/toml, as the rules themselves are read.
func readTOML(data []byte) (any, error) {
	if err := nestingOK(data, true); err != nil {
		return nil, fmt.Errorf("toml: %w", err)
	}
	var v map[string]any
	if _, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&v); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("toml: line %d: %s", pe.Position.Line, pe.Message)
		}
		return nil, fmt.Errorf("toml: %w", err)
	}
	return normalize(v), nil
}

// trimPrefix drops a library's own prefix from its error text, since ours names the
// format already.
func trimPrefix(err error, prefix string) error {
	if s := err.Error(); len(s) > len(prefix) && s[:len(prefix)] == prefix {
		return errors.New(s[len(prefix):])
	}
	return err
}
