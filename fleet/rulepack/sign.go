package rulepack

import (
	"bytes"
	"compress/gzip"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dustin/go-humanize"
)

// Sign signs p with key (setting p.KeyID) and returns the envelope. The files are
// sorted by name first; bad or duplicate names are refused, and so is an envelope
// larger than MaxSize.
func Sign(p *Pack, key ed25519.PrivateKey) ([]byte, error) {
	if len(key) != ed25519.PrivateKeySize {
		return nil, errors.New("sign rule pack: not an Ed25519 private key")
	}
	if p.Version == 0 {
		return nil, errors.New("sign rule pack: version must be above 0")
	}
	slices.SortStableFunc(p.Files, func(a, b File) int { return strings.Compare(a.Name, b.Name) })
	if err := checkFiles(p.Files); err != nil {
		return nil, fmt.Errorf("sign rule pack: %w", err)
	}
	if p.Created.IsZero() {
		p.Created = time.Now()
	}
	p.Created = p.Created.UTC()
	p.KeyID = KeyID(key.Public().(ed25519.PublicKey))
	payload, err := compress(encodeBody(p))
	if err != nil {
		return nil, fmt.Errorf("sign rule pack: %w", err)
	}
	env := sealEnvelope(p.KeyID, ed25519.Sign(key, payload), payload)
	if len(env) > MaxSize {
		return nil, fmt.Errorf("sign rule pack: %w: %s signed (%d files, %s before compression), a key-value entry takes at most %s: split off big lists",
			ErrTooLarge, humanize.IBytes(uint64(len(env))), len(p.Files), humanize.IBytes(uint64(p.Size())), humanize.IBytes(MaxSize))
	}
	return env, nil
}

func encodeBody(p *Pack) []byte {
	var b bytes.Buffer
	b.WriteString(bodyMagic)
	fmt.Fprintf(&b, "version %d\ncreated %s\nkey %s\n", p.Version, p.Created.Format(time.RFC3339Nano), p.KeyID)
	for _, f := range p.Files {
		if f.Object != nil {
			fmt.Fprintf(&b, "object %d %s %s\n", f.Object.Size, f.Object.SHA256, f.Name)
			continue
		}
		fmt.Fprintf(&b, "file %d %s\n", len(f.Data), f.Name)
	}
	b.WriteString("end\n")
	for _, f := range p.Files {
		if f.Object == nil {
			b.Write(f.Data)
		}
	}
	return b.Bytes()
}

func compress(body []byte) ([]byte, error) {
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(body); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func sealEnvelope(keyID string, sig, payload []byte) []byte {
	var b bytes.Buffer
	b.WriteString(envelopeMagic)
	b.WriteString("key " + keyID + "\n")
	b.WriteString("sig " + base64.StdEncoding.EncodeToString(sig) + "\n")
	b.Write(payload)
	return b.Bytes()
}
