"""The crawl's scheduler (SCHEDULER) on the archive's durable frontier, and the budgets it spends as it hands out
requests: --max-pages (page_budget.py) and the crawler-trap cut-offs per URL pattern and host (trap_budget.py)."""
