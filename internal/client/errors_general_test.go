package client

import (
	"fmt"
	"net/http"
	"testing"
)

// TestRegistrantUserMailPredicates checks each named predicate of the "Registrants, users, mail, general" block
// against the answers it must and must not match.
func TestRegistrantUserMailPredicates(t *testing.T) {
	e := func(status, code int, msg string) error {
		return fmt.Errorf("wrapped: %w", &APIError{HTTPStatus: status, Code: code, Message: msg})
	}
	preds := map[string]func(error) bool{
		"IsRegistrationDisabled": IsRegistrationDisabled,
		"IsAlreadyRegistered":    IsAlreadyRegistered,
		"IsRegistrantGone":       IsRegistrantGone,
		"IsInvitationExpired":    IsInvitationExpired,
		"IsUserGone":             IsUserGone,
		"IsDisassociateRefused":  IsDisassociateRefused,
		"IsMailAuthRefused":      IsMailAuthRefused,
	}
	cases := []struct {
		err  error
		want []string // the predicates that match; every other one must not
	}{
		{e(400, 3000, "Registration has not been enabled for this meeting: 1."), []string{"IsRegistrationDisabled", "IsRegistrantGone"}},
		{e(400, 3000, "This meeting has not set registration as required: 1"), []string{"IsRegistrationDisabled", "IsRegistrantGone"}},
		{e(404, 3043, "Registration has not been enabled for this webinar: 1."), []string{"IsRegistrationDisabled", "IsRegistrantGone"}},
		{e(400, 3027, "Registrant a@example.com has already registered."), []string{"IsAlreadyRegistered"}},
		{e(404, 3001, "Meeting does not exist: 1."), []string{"IsRegistrantGone", "IsUserGone"}},
		{e(400, 3001, "Meeting 1 is not found or has expired."), []string{"IsRegistrantGone"}},
		{e(404, 0, ""), []string{"IsRegistrantGone", "IsUserGone"}},
		{e(404, 3019, "Registrant not found."), []string{"IsRegistrantGone"}},
		{e(400, 3000, "Registrant not found."), []string{"IsRegistrantGone"}},
		{e(400, 3000, "Cannot access webinar info."), nil},
		{e(400, 300, "Meeting 1 is not found or has expired."), []string{"IsRegistrantGone"}},
		{e(400, 300, "Validation Failed."), nil},
		{e(404, 1001, "User does not exist: u."), []string{"IsUserGone", "IsRegistrantGone"}},
		{e(400, 1120, "Invite expired."), []string{"IsInvitationExpired", "IsUserGone"}},
		{e(400, 1107, "Email domain is a managed domain."), []string{"IsDisassociateRefused"}},
		{e(400, 300, "Unable to unlink API user(s)."), []string{"IsDisassociateRefused"}},
		{e(404, 1107, "managed domain"), []string{"IsRegistrantGone"}},
		{e(401, 401, "Authorization failed."), []string{"IsMailAuthRefused"}},
		{e(401, 124, "Invalid access token."), nil},
		{fmt.Errorf("not an API error"), nil},
	}
	for _, tc := range cases {
		for name, p := range preds {
			want := false
			for _, w := range tc.want {
				want = want || w == name
			}
			if got := p(tc.err); got != want {
				t.Errorf("%s(%v) = %v, want %v", name, tc.err, got, want)
			}
		}
	}
}

func TestDisassociateRefused(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{&APIError{HTTPStatus: http.StatusBadRequest, Code: 300, Message: "Unable to unlink API user(s)."}, true},
		{&APIError{HTTPStatus: http.StatusBadRequest, Code: 1107, Message: "You can not disassociate a user with managed domain."}, true},
		{&APIError{HTTPStatus: http.StatusBadRequest, Code: 300, Message: "The transfer-to email address cannot be the same as the unlinked or deleted user's email address."}, false},
		{&APIError{HTTPStatus: http.StatusBadRequest, Code: 1117, Message: "You can not disassociate an Admin user."}, false},
		{&APIError{HTTPStatus: http.StatusNotFound, Code: 1001}, false},
	} {
		if got := IsDisassociateRefused(tc.err); got != tc.want {
			t.Errorf("IsDisassociateRefused(%v) = %v", tc.err, got)
		}
	}
}
