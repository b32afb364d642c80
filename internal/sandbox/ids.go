package sandbox

import (
	"crypto/rand"
	"encoding/base64"
	"math/big"
	"strings"
)

const base62Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// newZoomID returns a 22-character base64url id (16 random bytes, no padding),
// the format of Zoom user, account and registrant ids.
func newZoomID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// randomBase62 returns n random characters from [A-Za-z0-9].
func randomBase62(n int) string {
	var sb strings.Builder
	sb.Grow(n)
	max := big.NewInt(int64(len(base62Alphabet)))
	for i := 0; i < n; i++ {
		v, err := rand.Int(rand.Reader, max)
		if err != nil {
			v = big.NewInt(int64(i % len(base62Alphabet)))
		}
		sb.WriteByte(base62Alphabet[v.Int64()])
	}
	return sb.String()
}

// randomDigits returns a random decimal number with exactly n digits (no leading zero).
func randomDigits(n int) int64 {
	lo := int64(1)
	for i := 1; i < n; i++ {
		lo *= 10
	}
	span := big.NewInt(lo * 9)
	v, err := rand.Int(rand.Reader, span)
	if err != nil {
		return lo
	}
	return lo + v.Int64()
}

// randomBytes returns n random bytes.
func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}

// jidFor derives a chat JID from a user id ("<lower-cased alphanumerics>@xmpp.zoom.us").
func jidFor(id string) string {
	var sb strings.Builder
	for _, r := range strings.ToLower(id) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			sb.WriteRune(r)
		}
	}
	return sb.String() + "@xmpp.zoom.us"
}
