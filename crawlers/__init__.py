"""Scrapy crawlers that collect vacancies and write them through `search.catalogue`.

Public module (with the crawling issue): `crawlers.runs`, which starts a crawl
of one source and records the run.
"""
