package client

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// MailService is the Zoom Mail API's mailbox settings (Zoom's Mail API spec; docs/development/zoom-api.md#zoom-mail-vacation-responder). Every Mail
// operation needs an account on Zoom Workplace Business or higher with the Mail Service enabled and onboarded,
// Mail end-to-end encryption off, and a provisioned mailbox; Zoom Mail is not available on the Zoom for
// Government cluster, so the service refuses to call it there (ErrMailNotOnGov).
//
// There is no mailbox language setting in the Mail API (docs/development/zoom-api.md#zoom-mail-vacation-responder), so none is offered here.
type MailService service

// ErrMailNotOnGov is returned, without a request, by every MailService method of a client whose API base URL
// is on the Zoom for Government cluster, where Zoom Mail does not exist.
var ErrMailNotOnGov = errors.New("zoom client: Zoom Mail is not available on the Zoom for Government cluster (zoomgov.com)")

// MailVacation is a mailbox's vacation responder (the vacation setting object of GET and PUT
// /emails/mailboxes/{email}/settings/vacation). Field names on the wire are camelCase. Every field is a pointer:
// in a request only non-nil fields are sent (EnableAutoReply is required, and an empty string clears a text or
// a time); in a response nil means Zoom left the field out.
type MailVacation struct {
	// EnableAutoReply turns the responder on. Required on PUT. When true, Zoom needs a subject or a body.
	EnableAutoReply *bool `json:"enableAutoReply,omitempty"`
	// ResponseSubject is text prepended to the subject of the auto-replies.
	ResponseSubject *string `json:"responseSubject,omitempty"`
	// ResponseBodyPlainText is the plain-text body. When both bodies are set, Zoom sends the HTML one.
	ResponseBodyPlainText *string `json:"responseBodyPlainText,omitempty"`
	// ResponseBodyHTML is the HTML body. Zoom sanitises it before storing it, so what GET returns may differ from
	// what was sent.
	ResponseBodyHTML *string `json:"responseBodyHtml,omitempty"`
	// EnableAlwaysRespond replies to every message of a sender; false replies to a sender at most once in four days.
	EnableAlwaysRespond *bool `json:"enableAlwaysRespond,omitempty"`
	// RestrictToContacts replies only to senders in the user's contacts.
	RestrictToContacts *bool `json:"restrictToContacts,omitempty"`
	// RestrictToDomain replies only to senders in the user's domain.
	RestrictToDomain *bool `json:"restrictToDomain,omitempty"`
	// StartTime is the start of the reply window in epoch milliseconds, as a string (see MailTime).
	StartTime *string `json:"startTime,omitempty"`
	// StartTimeISO is the same instant as ISO 8601 UTC with milliseconds, e.g. "2024-01-03T08:00:00.000Z".
	// Send one form only (the epoch form is the primary one); Zoom returns both.
	StartTimeISO *string `json:"startTimeISO,omitempty"`
	// EndTime is the end of the reply window in epoch milliseconds, as a string.
	EndTime *string `json:"endTime,omitempty"`
	// EndTimeISO is the same instant as ISO 8601 UTC.
	EndTimeISO *string `json:"endTimeISO,omitempty"`
}

// MailTime renders t as the epoch-millisecond string of startTime and endTime.
func MailTime(t time.Time) string { return strconv.FormatInt(t.UnixMilli(), 10) }

// Start returns the start of the reply window: from StartTime, else StartTimeISO. ok is false when neither holds
// a value; err reports a value that is not a time.
func (v *MailVacation) Start() (t time.Time, ok bool, err error) {
	return mailInstant("startTime", v.StartTime, v.StartTimeISO)
}

// End returns the end of the reply window: from EndTime, else EndTimeISO.
func (v *MailVacation) End() (t time.Time, ok bool, err error) {
	return mailInstant("endTime", v.EndTime, v.EndTimeISO)
}

func mailInstant(name string, epoch, iso *string) (time.Time, bool, error) {
	if epoch != nil && strings.TrimSpace(*epoch) != "" {
		ms, err := strconv.ParseInt(strings.TrimSpace(*epoch), 10, 64)
		if err != nil {
			return time.Time{}, false, fmt.Errorf("zoom client: %s %q is not epoch milliseconds", name, *epoch)
		}
		return time.UnixMilli(ms).UTC(), true, nil
	}
	if iso != nil && strings.TrimSpace(*iso) != "" {
		t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(*iso))
		if err != nil {
			return time.Time{}, false, fmt.Errorf("zoom client: %sISO %q is not an ISO 8601 time", name, *iso)
		}
		return t.UTC(), true, nil
	}
	return time.Time{}, false, nil
}

// IsGovCluster reports whether the client's API base URL is on the Zoom for Government cluster (a host under
// zoomgov.com), where some products, Zoom Mail among them, do not exist.
func (c *Client) IsGovCluster() bool {
	host := strings.ToLower(strings.TrimSuffix(c.baseURL.Hostname(), "."))
	return host == "zoomgov.com" || strings.HasSuffix(host, ".zoomgov.com")
}

// IsMailboxNotFound reports whether err is a Mail API answer saying that the mailbox does not exist: HTTP 404
// other than Zoom's "endpoint not recognized" (code 2300). Zoom may instead answer 400 "Invalid Request" for a
// mailbox it cannot serve, which is indistinguishable from other refusals (see IsMailInvalid).
func IsMailboxNotFound(err error) bool {
	var e *APIError
	return errors.As(err, &e) && e.HTTPStatus == http.StatusNotFound && e.Code != 2300
}

// IsMailInvalid reports whether err is the Mail API's generic refusal: HTTP 400 with code 400 ("Invalid Request"
// on GET, "Invalid Argument." on PUT). Zoom gives it for a value it rejects and, as far as is known, also when the
// account has no Zoom Mail, Mail end-to-end encryption is on, or the mailbox is not provisioned.
func IsMailInvalid(err error) bool {
	var e *APIError
	return errors.As(err, &e) && e.HTTPStatus == http.StatusBadRequest && e.Code == 400
}

func (s *MailService) vacationPath(mailbox string) (string, error) {
	if s.client.IsGovCluster() {
		return "", ErrMailNotOnGov
	}
	if strings.TrimSpace(mailbox) == "" {
		return "", errors.New("zoom client: mailbox must not be empty")
	}
	return pathf("emails/mailboxes/%s/settings/vacation", mailbox)
}

// GetVacation returns the vacation responder of mailbox (an e-mail address; "me" only works for user-level apps).
//
//meta:operation GET /emails/mailboxes/{email}/settings/vacation
func (s *MailService) GetVacation(ctx context.Context, mailbox string) (*MailVacation, error) {
	p, err := s.vacationPath(mailbox)
	if err != nil {
		return nil, err
	}
	v := new(MailVacation)
	if _, err := s.client.get(ctx, p, nil, CategoryLight, v); err != nil {
		return nil, err
	}
	return v, nil
}

// UpdateVacation writes the vacation responder of mailbox and returns what Zoom stored (Zoom answers 200 with
// the object; the HTML body comes back sanitised). EnableAutoReply is required. Send every field you manage:
// whether Zoom clears or keeps the fields a request leaves out is not documented.
//
//meta:operation PUT /emails/mailboxes/{email}/settings/vacation
func (s *MailService) UpdateVacation(ctx context.Context, mailbox string, req *MailVacation) (*MailVacation, error) {
	if req == nil || req.EnableAutoReply == nil {
		return nil, errors.New("zoom client: update vacation: EnableAutoReply is required")
	}
	p, err := s.vacationPath(mailbox)
	if err != nil {
		return nil, err
	}
	v := new(MailVacation)
	if _, err := s.client.put(ctx, p, req, CategoryLight, v); err != nil {
		return nil, err
	}
	return v, nil
}
