"""The web app: stories, their matrix and timeline, articles, and adding articles, over one database.

Pages and the JSON API read the same ``StoreData`` snapshot and render the same
view models as the HTML report (``storycheck.report.views`` and the shared
template partials). Articles added here run through the same pipeline stages as
``storycheck check``, on a background worker.

``/docs`` is an offline API reference rendered from ``/openapi.json``: FastAPI's
bundled Swagger UI loads its assets from a CDN, which an offline install (and
the CSP) would block, so it is switched off.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, TypedDict
from urllib.parse import quote

from fastapi import FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from storycheck.errors import IngestError
from storycheck.report.templating import STATIC_DIR, environment
from storycheck.settings import Settings
from storycheck.web import api_views
from storycheck.web.data import StoreData
from storycheck.web.jobs import JobQueue, Submission
from storycheck.web.security import FORM_OVERHEAD, SecurityMiddleware, too_large_message
from storycheck.web.submit import check_url_allowed, make_processor


class ArticleIn(BaseModel):
    """An article to add: pasted ``text`` (plain, HTML or a JSON article) or a ``url`` to fetch."""

    text: str | None = Field(None, description="The article as pasted: scraped text, HTML or a JSON article object.")
    url: str | None = Field(None, description="Fetch this http(s) URL instead (public addresses only unless allow_private_urls).")
    title: str | None = None
    outlet: str | None = None
    published: str | None = Field(None, description="ISO date, when the text does not say.")
    page_url: str | None = Field(None, description="Where pasted text was published (shown as its link).")


class _Meta(TypedDict):
    """The optional details a user may give with an article."""

    title: str | None
    outlet: str | None
    published: str | None
    page_url: str | None


def _href_article(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def _href_story(story_id: str) -> str:
    return "/stories/" + quote(story_id, safe="")


def create_app(db_path: str, *, settings: Settings, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The FastAPI app over ``db_path`` (created if missing).

    ``allowed_hosts`` limits the Host header (DNS rebinding guard); ``storycheck serve``
    passes the loopback names when it binds to 127.0.0.1.
    """
    data = StoreData(db_path)
    data.ensure()
    jobs = JobQueue(make_processor(data, settings=settings))
    limit = int(settings.max_upload_bytes)
    env = environment()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        jobs.close()

    app = FastAPI(title="storycheck", version="1", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Stories, findings, timelines and articles from a storycheck database; add articles by text, file or URL.")
    app.state.data = data
    app.state.jobs = jobs
    app.add_middleware(SecurityMiddleware, max_body=limit, allowed_hosts=allowed_hosts)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")

    def render_page(name: str, **context: Any) -> str:
        return str(env.get_template(name).render(article_href=_href_article, story_href=_href_story, **context))

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(render_page(name, **context), status_code=status)

    def not_found_page(what: str) -> HTMLResponse:
        return page("error.html", 404, title="Not found", message=what)

    def submit(sub: Submission) -> dict[str, Any]:
        if sub.kind == "url":
            try:
                check_url_allowed(sub.url or "", settings=settings)
            except IngestError as exc:
                raise HTTPException(400, f"URL refused: {exc.reason}") from None
        elif len(sub.data) > limit:
            raise HTTPException(413, too_large_message(len(sub.data), limit))
        elif not sub.data.strip():
            raise HTTPException(400, "The pasted text or file is empty.")
        job = jobs.submit(sub)
        return jobs.get(job.id) or {}

    # --- pages ---------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> HTMLResponse:
        snap = data.snapshot()

        def render() -> str:
            stories = [snap.story(v.story.id) for v in snap.report.verifications]
            loose = [snap.article(a.id) for a in snap.report.articles if a.id not in snap.index.story_of]
            return render_page("index.html", title="Stories", stories=stories, loose=loose, report=snap.report)

        return HTMLResponse(snap.page("index", render))

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str) -> HTMLResponse:
        snap = data.snapshot()
        sv = snap.story(story_id)
        if sv is None:
            return not_found_page(f"No story with id {story_id!r}.")
        return HTMLResponse(snap.page(f"story:{story_id}", lambda: render_page("story.html", title=sv.story.title, sv=sv)))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str) -> HTMLResponse:
        snap = data.snapshot()
        av = snap.article(article_id)
        if av is None:
            return not_found_page(f"No article with id {article_id!r}.")
        title = av.article.title or av.article.id
        return HTMLResponse(snap.page(f"article:{article_id}", lambda: render_page("article.html", title=title, av=av)))

    @app.get("/add", response_class=HTMLResponse, include_in_schema=False)
    def add_form() -> HTMLResponse:
        return page("add.html", title="Add articles", error=None, limit=limit, form={})

    @app.post("/add", include_in_schema=False)
    async def add_submit(request: Request) -> Response:
        form = await request.form(max_files=1, max_fields=20, max_part_size=limit + FORM_OVERHEAD)
        fields = {k: (v.strip() if isinstance(v, str) else "") for k, v in form.items()}
        upload = form.get("file")
        meta = _Meta(title=fields.get("title") or None, outlet=fields.get("outlet") or None,
                     published=fields.get("published") or None, page_url=fields.get("page_url") or None)
        try:
            if upload is not None and not isinstance(upload, str) and upload.filename:
                blob = await upload.read(limit + 1)
                sub = Submission("upload", blob, filename=upload.filename, **meta)
            elif fields.get("url"):
                sub = Submission("url", url=fields["url"], **meta)
            elif fields.get("text"):
                sub = Submission("paste", fields["text"].encode("utf-8"), **meta)
            else:
                raise HTTPException(400, "Paste an article, choose a file or give a URL.")
            job = await run_in_threadpool(submit, sub)  # the URL check resolves names: not on the event loop
        except HTTPException as exc:
            return page("add.html", exc.status_code, title="Add articles", error=exc.detail, limit=limit, form=fields)
        finally:
            await form.close()
        return RedirectResponse(f"/jobs/{job['id']}", status_code=303)

    @app.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(job_id: str) -> HTMLResponse:
        job = jobs.get(job_id)
        if job is None:
            return not_found_page(f"No job with id {job_id!r} (jobs are forgotten when the server restarts).")
        return page("job.html", title="Processing", job=job)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> HTMLResponse:
        return page("docs.html", title="API", spec=app.openapi())

    @app.get("/export/report.html", include_in_schema=False)
    def export_html() -> Response:
        from storycheck.report.html import render_html

        return Response(render_html(data.snapshot().report), media_type="text/html; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="storycheck-report.html"'})

    # --- API -----------------------------------------------------------------

    @app.get("/api/stories", tags=["read"], summary="Every story with its counts")
    def api_stories() -> list[dict[str, Any]]:
        snap = data.snapshot()
        return [api_views.story_summary(snap.story(v.story.id)) for v in snap.report.verifications]  # type: ignore[arg-type]

    @app.get("/api/stories/{story_id}", tags=["read"], summary="One story: findings, timeline, checks, matrix, articles")
    def api_story(story_id: str) -> dict[str, Any]:
        sv = data.snapshot().story(story_id)
        if sv is None:
            raise HTTPException(404, f"no story with id {story_id!r}")
        return api_views.story_detail(sv)

    @app.get("/api/articles", tags=["read"], summary="Every article with its counts and story")
    def api_articles() -> list[dict[str, Any]]:
        snap = data.snapshot()
        out = []
        for article in snap.report.articles:
            av = snap.article(article.id)
            if av is not None:
                out.append({**api_views.article_summary(av), "story": av.story.id if av.story else None})
        return out

    @app.get("/api/articles/{article_id}", tags=["read"], summary="One article: body, claims, quotes, checks, highlight spans")
    def api_article(article_id: str) -> dict[str, Any]:
        snap = data.snapshot()
        av = snap.article(article_id)
        if av is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return api_views.article_detail(av, snap)

    @app.get("/api/report", tags=["read"], summary="The whole database as the JSON report (schema storycheck.report/1)")
    def api_report() -> Response:
        from storycheck.report.json import render_json

        return Response(render_json(data.snapshot().report), media_type="application/json")

    @app.get("/api/claimreview", tags=["read"], summary="Contradicted and single-source claims as schema.org ClaimReview JSON-LD")
    def api_claimreview() -> Response:
        from storycheck.report.claimreview import render_claimreview

        return Response(render_claimreview(data.snapshot().report), media_type="application/ld+json")

    @app.post("/api/articles", tags=["add"], status_code=202, summary="Add an article by text or URL; returns a job")
    def api_add(item: ArticleIn) -> JSONResponse:
        if bool(item.text) == bool(item.url):
            raise HTTPException(400, "give exactly one of text or url")
        meta = _Meta(title=item.title, outlet=item.outlet, published=item.published, page_url=item.page_url)
        if item.url:
            job = submit(Submission("url", url=item.url.strip(), **meta))
        else:
            job = submit(Submission("paste", (item.text or "").encode("utf-8"), **meta))
        return JSONResponse(job, status_code=202, headers={"Location": job["links"]["self"]})

    @app.post("/api/articles/upload", tags=["add"], status_code=202, summary="Add an article file (text, HTML, JSON, feed); returns a job")
    async def api_upload(file: UploadFile = File(...), title: str | None = Form(None), outlet: str | None = Form(None),
                         published: str | None = Form(None)) -> JSONResponse:
        blob = await file.read(limit + 1)
        job = submit(Submission("upload", blob, filename=file.filename, title=title, outlet=outlet, published=published))
        return JSONResponse(job, status_code=202, headers={"Location": job["links"]["self"]})

    @app.get("/api/jobs/{job_id}", tags=["add"], summary="A job's status: queued, reading, extracting, verifying, done or failed")
    def api_job(job_id: str) -> dict[str, Any]:
        job = jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"no job with id {job_id!r}")
        return job

    return app
