/** The page shell every screen shares: skip link, site navigation with the current page marked, one <main>. */
import type { Child } from "hono/jsx";
import { SCRIPT_PATH, STYLE_PATH } from "./assets";

const NAV = [
  { href: "/", label: "Stories", key: "stories" },
  { href: "/overview", label: "Overview", key: "overview" },
  { href: "/feeds", label: "Feeds", key: "feeds" },
  { href: "/try", label: "Try it", key: "try" },
] as const;

export type Section = (typeof NAV)[number]["key"] | "login";

export function Layout(props: { title: string; section?: Section; admin?: boolean; head?: Child; children?: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · wirewatch`}</title>
        <link rel="stylesheet" href={STYLE_PATH} />
        <script src={SCRIPT_PATH} defer></script>
        {props.head}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <a class="brand" href="/">
            wirewatch
          </a>
          <nav aria-label="Main">
            <ul>
              {NAV.map((n) => (
                <li>
                  <a href={n.href} aria-current={props.section === n.key ? "page" : undefined}>
                    {n.label}
                  </a>
                </li>
              ))}
              <li>
                {props.admin ? (
                  <form class="inline-form" method="post" action="/logout">
                    <button type="submit" class="secondary">
                      Log out
                    </button>
                  </form>
                ) : (
                  <a href="/login" aria-current={props.section === "login" ? "page" : undefined}>
                    Log in
                  </a>
                )}
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
      </body>
    </html>
  );
}

export function Notice(props: { kind?: "error" | "ok"; children?: Child }) {
  return (
    <p class={`notice ${props.kind ?? ""}`} role={props.kind === "error" ? "alert" : "status"}>
      {props.children}
    </p>
  );
}
