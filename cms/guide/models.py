"""The guide (Wegweiser): pages about local help, written in German and translated."""

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class HomePage(Page):
    """The start page of the guide in one language."""

    intro = RichTextField(blank=True, help_text="A few plain sentences: who this guide is for.")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    max_count_per_parent = 1
