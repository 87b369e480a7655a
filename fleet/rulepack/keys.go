package rulepack

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
)

const (
	privateKeyBlock = "PRIVATE KEY"
	publicKeyBlock  = "PUBLIC KEY"
)

// KeyID names a public key: the first 8 bytes of its SHA-256, in hex.
func KeyID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return hex.EncodeToString(sum[:keyIDLen/2])
}

// GenerateKey makes a new signing key.
func GenerateKey() (ed25519.PrivateKey, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	return priv, err
}

// EncodeSigningKey writes key as a PEM "PRIVATE KEY" block (PKCS #8), after a comment
// line naming its key id.
func EncodeSigningKey(key ed25519.PrivateKey) ([]byte, error) {
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, err
	}
	head := fmt.Sprintf("# aupscan rule pack signing key %s: keep it on the manager, readable by it only\n",
		KeyID(key.Public().(ed25519.PublicKey)))
	return append([]byte(head), pem.EncodeToMemory(&pem.Block{Type: privateKeyBlock, Bytes: der})...), nil
}

// EncodePublicKey writes pub as a PEM "PUBLIC KEY" block (PKIX), after a comment line
// naming its key id. Files of several such blocks hold several keys.
func EncodePublicKey(pub ed25519.PublicKey) ([]byte, error) {
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return nil, err
	}
	head := fmt.Sprintf("# aupscan rule pack key %s\n", KeyID(pub))
	return append([]byte(head), pem.EncodeToMemory(&pem.Block{Type: publicKeyBlock, Bytes: der})...), nil
}

// ParseSigningKey reads the one Ed25519 "PRIVATE KEY" block of data.
func ParseSigningKey(data []byte) (ed25519.PrivateKey, error) {
	var key ed25519.PrivateKey
	for n := 1; ; n++ {
		var blk *pem.Block
		blk, data = pem.Decode(data)
		if blk == nil {
			break
		}
		if blk.Type != privateKeyBlock {
			return nil, fmt.Errorf("block %d is %q, want %q", n, blk.Type, privateKeyBlock)
		}
		if key != nil {
			return nil, errors.New("more than one private key")
		}
		k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
		if err != nil {
			return nil, fmt.Errorf("block %d: %w", n, err)
		}
		var ok bool
		if key, ok = k.(ed25519.PrivateKey); !ok {
			return nil, fmt.Errorf("block %d: a %T, not an Ed25519 key", n, k)
		}
	}
	if key == nil {
		return nil, fmt.Errorf("no %q PEM block", privateKeyBlock)
	}
	return key, nil
}

// ParsePublicKeys reads every Ed25519 "PUBLIC KEY" block of data; there must be one
// at least, and no other blocks.
func ParsePublicKeys(data []byte) ([]ed25519.PublicKey, error) {
	var keys []ed25519.PublicKey
	for n := 1; ; n++ {
		var blk *pem.Block
		blk, data = pem.Decode(data)
		if blk == nil {
			break
		}
		if blk.Type != publicKeyBlock {
			return nil, fmt.Errorf("block %d is %q, want %q", n, blk.Type, publicKeyBlock)
		}
		k, err := x509.ParsePKIXPublicKey(blk.Bytes)
		if err != nil {
			return nil, fmt.Errorf("block %d: %w", n, err)
		}
		pub, ok := k.(ed25519.PublicKey)
		if !ok {
			return nil, fmt.Errorf("block %d: a %T, not an Ed25519 key", n, k)
		}
		keys = append(keys, pub)
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("no %q PEM block", publicKeyBlock)
	}
	return keys, nil
}

// LoadSigningKey reads a signing key file written by EncodeSigningKey.
func LoadSigningKey(path string) (ed25519.PrivateKey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("rule pack signing key: %w", err)
	}
	k, err := ParseSigningKey(data)
	if err != nil {
		return nil, fmt.Errorf("rule pack signing key %s: %w", path, err)
	}
	return k, nil
}

// LoadPublicKeys reads a file of one or more public keys (EncodePublicKey blocks one
// after the other): several keys let a new signing key take over without a gap.
func LoadPublicKeys(path string) ([]ed25519.PublicKey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("rule pack keys: %w", err)
	}
	k, err := ParsePublicKeys(data)
	if err != nil {
		return nil, fmt.Errorf("rule pack keys %s: %w", path, err)
	}
	return k, nil
}
