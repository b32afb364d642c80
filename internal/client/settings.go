package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"strings"
)

// SettingsService reads and writes the settings trees of the account, of groups and of users, and the lock
// settings of the account and of groups (docs/development/zoom-api.md#settings). Every operation takes an
// option: "" for the ordinary sections, OptionMeetingSecurity for the meeting_security section, which Zoom only
// reads and writes with that query parameter.
type SettingsService service

// OptionMeetingSecurity is the option query parameter under which Zoom serves the meeting_security section.
const OptionMeetingSecurity = "meeting_security"

// Settings is a settings tree: section name, then setting name, then value. A value is a bool, an int64, a
// float64 or a string; settings whose value is an object or an array are not decoded (no resource manages one).
type Settings map[string]map[string]any

// UnmarshalJSON decodes the scalar settings of each section object; anything else is skipped.
func (s *Settings) UnmarshalJSON(b []byte) error {
	var sections map[string]json.RawMessage
	if err := json.Unmarshal(b, &sections); err != nil {
		return err
	}
	out := Settings{}
	for name, raw := range sections {
		var fields map[string]json.RawMessage
		if json.Unmarshal(raw, &fields) != nil {
			continue // not an object: not a section
		}
		sec := map[string]any{}
		for k, v := range fields {
			dec := json.NewDecoder(bytes.NewReader(v))
			dec.UseNumber()
			var x any
			if dec.Decode(&x) != nil {
				continue
			}
			switch x := x.(type) {
			case bool, string:
				sec[k] = x
			case json.Number:
				if n, err := x.Int64(); err == nil {
					sec[k] = n
				} else if f, err := x.Float64(); err == nil {
					sec[k] = f
				}
			}
		}
		out[name] = sec
	}
	*s = out
	return nil
}

func settingsQuery(option string) url.Values {
	if option == "" {
		return nil
	}
	return url.Values{"option": {option}}
}

func (s *SettingsService) read(ctx context.Context, p, option string) (Settings, error) {
	out := Settings{}
	if _, err := s.client.get(ctx, p, settingsQuery(option), CategoryMedium, &out); err != nil {
		return nil, err
	}
	return out, nil
}

func (s *SettingsService) write(ctx context.Context, p, option string, body Settings) error {
	if len(body) == 0 {
		return errors.New("zoom client: a settings update needs at least one section")
	}
	_, err := s.client.patch(ctx, p, settingsQuery(option), body, CategoryMedium)
	return err
}

func groupSettingsPath(groupID, leaf string) (string, error) {
	if strings.TrimSpace(groupID) == "" {
		return "", errors.New("zoom client: group ID must not be empty")
	}
	return pathf("groups/%s/"+leaf, groupID)
}

// GetAccount returns the account's settings (the paid plans have them; a free account gets 400 code 200).
//
//meta:operation GET /accounts/{accountId}/settings
func (s *SettingsService) GetAccount(ctx context.Context, option string) (Settings, error) {
	return s.read(ctx, "accounts/me/settings", option)
}

// UpdateAccount writes the settings in body (Zoom answers 204).
//
//meta:operation PATCH /accounts/{accountId}/settings
func (s *SettingsService) UpdateAccount(ctx context.Context, option string, body Settings) error {
	return s.write(ctx, "accounts/me/settings", option, body)
}

// GetAccountLocks returns the account's lock settings: true for every setting locked for all users.
//
//meta:operation GET /accounts/{accountId}/lock_settings
func (s *SettingsService) GetAccountLocks(ctx context.Context, option string) (Settings, error) {
	return s.read(ctx, "accounts/me/lock_settings", option)
}

// UpdateAccountLocks locks (true) or unlocks (false) the settings in body.
//
//meta:operation PATCH /accounts/{accountId}/lock_settings
func (s *SettingsService) UpdateAccountLocks(ctx context.Context, option string, body Settings) error {
	return s.write(ctx, "accounts/me/lock_settings", option, body)
}

// GetGroup returns a group's settings.
//
//meta:operation GET /groups/{groupId}/settings
func (s *SettingsService) GetGroup(ctx context.Context, groupID, option string) (Settings, error) {
	p, err := groupSettingsPath(groupID, "settings")
	if err != nil {
		return nil, err
	}
	return s.read(ctx, p, option)
}

// UpdateGroup writes a group's settings.
//
//meta:operation PATCH /groups/{groupId}/settings
func (s *SettingsService) UpdateGroup(ctx context.Context, groupID, option string, body Settings) error {
	p, err := groupSettingsPath(groupID, "settings")
	if err != nil {
		return err
	}
	return s.write(ctx, p, option, body)
}

// GetGroupLocks returns a group's lock settings.
//
//meta:operation GET /groups/{groupId}/lock_settings
func (s *SettingsService) GetGroupLocks(ctx context.Context, groupID, option string) (Settings, error) {
	p, err := groupSettingsPath(groupID, "lock_settings")
	if err != nil {
		return nil, err
	}
	return s.read(ctx, p, option)
}

// UpdateGroupLocks locks or unlocks settings for a group's members.
//
//meta:operation PATCH /groups/{groupId}/lock_settings
func (s *SettingsService) UpdateGroupLocks(ctx context.Context, groupID, option string, body Settings) error {
	p, err := groupSettingsPath(groupID, "lock_settings")
	if err != nil {
		return err
	}
	return s.write(ctx, p, option, body)
}

// GetUser returns a user's settings as they apply to the user (a locked setting shows the locking level's value).
//
//meta:operation GET /users/{userId}/settings
func (s *SettingsService) GetUser(ctx context.Context, userID, option string) (Settings, error) {
	p, err := userPath(userID)
	if err != nil {
		return nil, err
	}
	return s.read(ctx, p+"/settings", option)
}

// UpdateUser writes a user's settings, licences (the feature section) included.
//
//meta:operation PATCH /users/{userId}/settings
func (s *SettingsService) UpdateUser(ctx context.Context, userID, option string, body Settings) error {
	p, err := userPath(userID)
	if err != nil {
		return err
	}
	return s.write(ctx, p+"/settings", option, body)
}
