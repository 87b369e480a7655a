package web

import (
	"testing"

	"golang.org/x/crypto/bcrypt"
)

// TestDummyHashCostsAsMuchAsAReal: the hash an unknown name is checked against is
// a valid bcrypt hash of the cost HashPassword uses, so a login for a name that does
// not exist takes as long as one with a wrong password.
func TestDummyHashCostsAsMuchAsAReal(t *testing.T) {
	real, err := HashPassword("a password long enough")
	if err != nil {
		t.Fatal(err)
	}
	want, err := bcrypt.Cost([]byte(real))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := bcrypt.Cost(dummyHash); err != nil || got != want {
		t.Fatalf("dummy hash cost %d (%v), want %d", got, err, want)
	}
	if bcrypt.CompareHashAndPassword(dummyHash, []byte("aupscan-no-such-user")) != nil {
		t.Error("the dummy hash is not the hash of its string")
	}
}
