"""Scrapy spiders. Run them through `crawlers.run.run_crawl`, never in-process."""
