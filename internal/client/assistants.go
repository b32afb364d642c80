package client

import (
	"context"
	"errors"
	"strings"
)

// Assistant is a user's scheduling assistant (userAssistants).
type Assistant struct {
	ID    string `json:"id"`
	Email string `json:"email"`
}

// MaxAssistantsPerAdd is how many assistants one AddAssistants request may carry.
const MaxAssistantsPerAdd = 30

// ListAssistants returns a user's scheduling assistants.
//
//meta:operation GET /users/{userId}/assistants
func (s *UsersService) ListAssistants(ctx context.Context, userIDOrEmail string) ([]Assistant, error) {
	p, err := userPath(userIDOrEmail)
	if err != nil {
		return nil, err
	}
	var out struct {
		Assistants []Assistant `json:"assistants"`
	}
	if _, err := s.client.get(ctx, p+"/assistants", nil, CategoryMedium, &out); err != nil {
		return nil, err
	}
	if out.Assistants == nil {
		out.Assistants = []Assistant{}
	}
	return out.Assistants, nil
}

// AddAssistants gives up to MaxAssistantsPerAdd users the scheduling privilege for a user. Both must be
// licensed users of the account.
//
//meta:operation POST /users/{userId}/assistants
func (s *UsersService) AddAssistants(ctx context.Context, userIDOrEmail string, assistants []UserRef) error {
	if len(assistants) == 0 || len(assistants) > MaxAssistantsPerAdd {
		return errors.New("zoom client: add assistants: between 1 and 30 assistants per request")
	}
	p, err := userPath(userIDOrEmail)
	if err != nil {
		return err
	}
	body := struct {
		Assistants []UserRef `json:"assistants"`
	}{assistants}
	_, err = s.client.post(ctx, p+"/assistants", body, CategoryMedium, nil)
	return err
}

// DeleteAssistant takes the scheduling privilege from one assistant of a user.
//
//meta:operation DELETE /users/{userId}/assistants/{assistantId}
func (s *UsersService) DeleteAssistant(ctx context.Context, userIDOrEmail, assistantID string) error {
	if strings.TrimSpace(userIDOrEmail) == "" || strings.TrimSpace(assistantID) == "" {
		return errors.New("zoom client: user and assistant must not be empty")
	}
	p, err := pathf("users/%s/assistants/%s", userIDOrEmail, assistantID)
	if err != nil {
		return err
	}
	_, err = s.client.del(ctx, p, nil, CategoryLight)
	return err
}

// DeleteAllAssistants takes the scheduling privilege from every assistant of a user.
//
//meta:operation DELETE /users/{userId}/assistants
func (s *UsersService) DeleteAllAssistants(ctx context.Context, userIDOrEmail string) error {
	p, err := userPath(userIDOrEmail)
	if err != nil {
		return err
	}
	_, err = s.client.del(ctx, p+"/assistants", nil, CategoryLight)
	return err
}
