package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/url"
	"strconv"
)

// maxPages guards against a server that never stops paginating.
const maxPages = 10000

// paginate yields every item of a next_page_token-paginated list endpoint.
// Each page is requested with page_size=pageSize (the endpoint's maximum)
// and all other query parameters identical, as Zoom requires; it stops when
// next_page_token is "" (or absent). itemsKey names the array in the page
// ("users", "meetings", ...). q is not modified. An error is yielded once,
// as the last element.
func paginate[T any](ctx context.Context, c *Client, path string, q url.Values, category Category, itemsKey string, pageSize int) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		base := url.Values{}
		for k, vs := range q {
			if k == "next_page_token" || k == "page_size" || k == "page_number" {
				continue
			}
			base[k] = append([]string(nil), vs...)
		}
		if pageSize > 0 {
			base.Set("page_size", strconv.Itoa(pageSize))
		}
		token := ""
		seen := map[string]bool{}
		for page := 1; ; page++ {
			if page > maxPages {
				yield(zero, fmt.Errorf("GET %s: more than %d pages; stopping", sanitizePath(path, base), maxPages))
				return
			}
			pq := url.Values{}
			for k, vs := range base {
				pq[k] = vs
			}
			if token != "" {
				pq.Set("next_page_token", token)
			}
			var raw map[string]json.RawMessage
			if _, err := c.get(ctx, path, pq, category, &raw); err != nil {
				yield(zero, err)
				return
			}
			next := ""
			if tok, ok := raw["next_page_token"]; ok && string(tok) != "null" {
				if err := json.Unmarshal(tok, &next); err != nil {
					yield(zero, &DecodeError{Method: "GET", Path: sanitizePath(path, pq), HTTPStatus: 200, Err: fmt.Errorf("next_page_token: %w", err)})
					return
				}
			}
			var items []T
			if arr, ok := raw[itemsKey]; ok && string(arr) != "null" {
				if err := json.Unmarshal(arr, &items); err != nil {
					yield(zero, &DecodeError{Method: "GET", Path: sanitizePath(path, pq), HTTPStatus: 200, Err: fmt.Errorf("%s: %w", itemsKey, err)})
					return
				}
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if next == "" {
				return
			}
			if seen[next] {
				yield(zero, errors.New("GET "+sanitizePath(path, base)+": the server repeated a next_page_token; stopping"))
				return
			}
			seen[next] = true
			token = next
		}
	}
}

// listAll collects every item of a paginated list endpoint (see paginate).
func listAll[T any](ctx context.Context, c *Client, path string, q url.Values, category Category, itemsKey string, pageSize int) ([]T, error) {
	out := []T{}
	for it, err := range paginate[T](ctx, c, path, q, category, itemsKey, pageSize) {
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, nil
}

// listAllByPageNumber collects every item of a list endpoint whose parameters document page_size and
// page_number but no next_page_token (GET /users/{userId}/webinars): it asks for page 1, 2, ... up to the
// page_count of the answers, with page_size=pageSize and all other query parameters identical. An answer that
// reports another page_number than the one asked for stops it with an error, so that a server ignoring the
// parameter can never make it collect the first page again and again.
func listAllByPageNumber[T any](ctx context.Context, c *Client, path string, q url.Values, category Category, itemsKey string, pageSize int) ([]T, error) {
	out := []T{}
	for page := 1; ; page++ {
		if page > maxPages {
			return nil, fmt.Errorf("GET %s: more than %d pages; stopping", sanitizePath(path, q), maxPages)
		}
		pq := url.Values{}
		for k, vs := range q {
			if k == "next_page_token" || k == "page_size" || k == "page_number" {
				continue
			}
			pq[k] = append([]string(nil), vs...)
		}
		if pageSize > 0 {
			pq.Set("page_size", strconv.Itoa(pageSize))
		}
		pq.Set("page_number", strconv.Itoa(page))
		var raw map[string]json.RawMessage
		if _, err := c.get(ctx, path, pq, category, &raw); err != nil {
			return nil, err
		}
		var meta struct {
			PageCount  int `json:"page_count"`
			PageNumber int `json:"page_number"`
		}
		var items []T
		for key, dst := range map[string]any{"page_count": &meta.PageCount, "page_number": &meta.PageNumber, itemsKey: &items} {
			if v, ok := raw[key]; ok && string(v) != "null" {
				if err := json.Unmarshal(v, dst); err != nil {
					return nil, &DecodeError{Method: "GET", Path: sanitizePath(path, pq), HTTPStatus: 200, Err: fmt.Errorf("%s: %w", key, err)}
				}
			}
		}
		if meta.PageNumber != 0 && meta.PageNumber != page {
			return nil, fmt.Errorf("GET %s: asked for page %d, the server answered page %d; stopping", sanitizePath(path, pq), page, meta.PageNumber)
		}
		out = append(out, items...)
		if len(items) == 0 || page >= meta.PageCount {
			return out, nil
		}
	}
}
